import { expect, test, type Page } from './support/test.js';
import { availableOfficer, signIn } from './support/console.js';
import { acceptOffer, takeTicket } from './support/journey.js';
import { openPairedKiosk } from './support/kiosk-pairing.js';
import { checkScreen } from './support/screens.js';
import { E2E_DATA_DIR } from './support/server.js';

/** The dashboard's figure for today's satisfaction index. */
function ikmFigure(manager: Page) {
  return manager
    .getByRole('region', { name: 'Angka hari ini' })
    .getByRole('definition')
    .filter({ has: manager.locator('xpath=preceding-sibling::dt[1][contains(., "IKM")]') });
}

/** A visit from ticket to the thank-you screen: the officer answers, then ends the call. */
async function serveVisit(kiosk: Page, agent: Page): Promise<void> {
  const number = await takeTicket(kiosk);
  await acceptOffer(agent, number);
  await expect(kiosk.getByRole('heading', { name: 'In a call with an officer' })).toBeVisible();
  await agent.getByRole('button', { name: 'Akhiri panggilan' }).click();
  await agent.getByRole('button', { name: 'Ya, akhiri' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await expect(agent.getByText('Menyelesaikan catatan').first()).toBeVisible();
  await agent.getByRole('button', { name: 'Siap melayani' }).click();
  await expect(agent.getByText('Status: Tersedia')).toBeVisible();
}

test('A visitor rates the visit in the short survey, another skips it, and the manager’s IKM follows', async ({
  browser,
}) => {
  const agent = await availableOfficer(browser);
  const manager = await signIn(browser, 'koordinator');
  await expect(manager.getByRole('heading', { name: 'Antrian langsung' })).toBeVisible();
  await expect(ikmFigure(manager)).toHaveText(/^—/);
  const kiosk = await openPairedKiosk(browser, E2E_DATA_DIR, 'Kios lobi 1', {
    viewport: { width: 1080, height: 1920 },
  });

  await serveVisit(kiosk, agent);
  const overall = kiosk.getByRole('group', { name: 'Overall, today’s service' });
  await overall.getByRole('radio', { name: 'Very good' }).click();
  const competence = kiosk.getByRole('group', { name: 'The officer’s competence' });
  await competence.getByRole('radio', { name: 'Good', exact: true }).click();
  await expect(competence.getByRole('radio', { name: 'Good', exact: true })).toBeChecked();
  await checkScreen(kiosk, 'kiosk-survey');
  // A short comment, tapped key by key on the kiosk's own keyboard.
  await kiosk.getByRole('button', { name: 'Comment', exact: true }).click();
  const comment = kiosk.getByRole('dialog', { name: 'Your comment' });
  const keyboard = comment.getByRole('group', { name: 'Keyboard' });
  for (const key of ['Capital letter', 'R', 'a', 'm', 'a', 'h', 'Exclamation mark']) {
    await keyboard.getByRole('button', { name: key, exact: true }).click();
  }
  await expect(comment.getByRole('textbox', { name: 'Your comment (optional)' })).toHaveValue(
    'Ramah!',
  );
  await expect(comment.getByText('6/500')).toBeVisible();
  await checkScreen(kiosk, 'kiosk-survey-comment');
  await comment.getByRole('button', { name: 'Done' }).click();
  await expect(kiosk.getByRole('button', { name: 'Edit comment' })).toBeVisible();
  await kiosk.getByRole('button', { name: 'Send rating' }).click();
  await expect(kiosk.getByText('Thank you for your rating.')).toBeVisible();
  // Competence 3 alone: 3 × 25 = 75,00, band C.
  await expect(ikmFigure(manager)).toHaveText('75,00 · mutu C · 1 responden');
  await kiosk.getByRole('button', { name: 'Finish' }).click();

  await serveVisit(kiosk, agent);
  await kiosk.getByRole('button', { name: 'Skip the survey' }).click();
  await expect(kiosk.getByRole('button', { name: 'Sentuh untuk mulai' })).toBeVisible();
  await checkScreen(manager, 'console-9-manager-ikm');
  await expect(ikmFigure(manager)).toHaveText('75,00 · mutu C · 1 responden');
});
