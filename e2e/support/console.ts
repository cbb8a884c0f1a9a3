import { expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { passwordOf } from './server.js';

/** A demo user signed in on the console of the browser tests' server, in a context of its own. */
export async function signIn(
  browser: Browser,
  username: string,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const page = await (
    await browser.newContext({ viewport: { width: 1440, height: 900 }, ...options })
  ).newPage();
  await page.goto('/console/');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(passwordOf(username));
  await page.getByRole('button', { name: 'Masuk' }).click();
  return page;
}

/**
 * A demo officer signed in and available. Specs share one server, so the officer may still be at
 * work (on a break, wrapping up) as an earlier test left them.
 */
export async function availableOfficer(browser: Browser, username = 'petugas1'): Promise<Page> {
  const agent = await signIn(browser, username);
  const status = agent.getByText(/^Status:/);
  await expect(status).toBeVisible();
  if (!(await status.textContent())?.includes('Tersedia')) {
    await agent.getByRole('button', { name: 'Siap melayani' }).click();
  }
  await expect(agent.getByText('Status: Tersedia')).toBeVisible();
  return agent;
}
