import { expect, type Page } from '@playwright/test';
import { framesDecoded } from './media.js';
import { checkScreen } from './screens.js';

/**
 * A visitor at the kiosk's attract screen takes a ticket for public information, in English
 * (optionally asking for a sign-language officer first, in the accessibility menu, which
 * `checkMenu` checks); returns the ticket number.
 */
export async function takeTicket(
  kiosk: Page,
  signLanguage = false,
  checkMenu = false,
): Promise<string> {
  await kiosk.getByRole('button', { name: 'English' }).click();
  if (signLanguage) {
    await kiosk.getByRole('button', { name: 'Accessibility' }).click();
    const choice = kiosk.getByRole('button', { name: 'I use sign language (BISINDO)' });
    if (checkMenu) {
      await expect(choice).toBeVisible();
      await checkScreen(kiosk, 'kiosk-a11y-menu');
    }
    await choice.click();
    await kiosk.getByRole('button', { name: 'Close' }).click();
  }
  await kiosk.getByRole('button', { name: 'Touch to start' }).click();
  await kiosk.getByRole('button', { name: 'Public information (PPID)' }).click();
  await kiosk.getByRole('button', { name: 'I agree' }).click();
  const number = (await kiosk.getByText(/^A-\d{3}$/).textContent())?.trim() ?? '';
  expect(number).toMatch(/^A-\d{3}$/);
  return number;
}

/** The officer's console rings with ticket `number`, and the officer accepts it. */
export async function acceptOffer(agent: Page, number: string): Promise<void> {
  const offer = agent.getByRole('alertdialog', { name: 'Panggilan masuk' });
  await expect(offer).toContainText(number);
  await offer.getByRole('button', { name: 'Terima', exact: true }).click();
}

/** Frames keep arriving: more of them are decoded a second later than now. */
export async function expectVideoFlowing(page: Page, who: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const before = await framesDecoded(page);
        await page.waitForTimeout(1000);
        return (await framesDecoded(page)) - before;
      },
      { message: `${who} decodes video`, timeout: 30_000 },
    )
    .toBeGreaterThan(0);
}
