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
  await expect(agent.getByText(/^Status:/)).toBeVisible();
  await goAvailable(agent);
  return agent;
}

/**
 * Makes a signed-in officer available, whatever they were. The status may still be settling (the
 * console reconnecting, a wrap-up ending by itself), so a disabled button is looked at again
 * rather than waited on: it is disabled exactly when the officer is available already.
 */
export async function goAvailable(
  agent: Page,
  words = { goAvailable: 'Siap melayani', available: 'Status: Tersedia' },
): Promise<void> {
  const ready = agent.getByRole('button', { name: words.goAvailable });
  const available = agent.getByText(words.available);
  await expect(async () => {
    if (!(await available.isVisible()) && (await ready.isEnabled())) {
      await ready.click({ timeout: 1_000 });
    }
    await expect(available).toBeVisible({ timeout: 1_000 });
  }).toPass();
}

/**
 * Puts a signed-in officer on a break, whatever they were: an earlier test on the same server may
 * have left them on one already, and then the button is disabled rather than waited on.
 */
export async function goOnBreak(agent: Page): Promise<void> {
  const rest = agent.getByRole('button', { name: 'Istirahat' });
  const onBreak = agent.getByText('Status: Sedang istirahat');
  await expect(async () => {
    if (!(await onBreak.isVisible()) && (await rest.isEnabled())) {
      await rest.click({ timeout: 1_000 });
    }
    await expect(onBreak).toBeVisible({ timeout: 1_000 });
  }).toPass();
}
