import { expect, test } from './support/test.js';
import { availableOfficer } from './support/console.js';
import { acceptOffer } from './support/journey.js';
import { openPairedKiosk } from './support/kiosk-pairing.js';
import { checkScreen } from './support/screens.js';
import { E2E_DATA_DIR } from './support/server.js';

test('The officer’s typed line shows on the kiosk as it is typed, and captions from speech say honestly that they are unavailable', async ({
  browser,
}) => {
  const agent = await availableOfficer(browser);
  const kiosk = await openPairedKiosk(browser, E2E_DATA_DIR, 'Kios lobi 1');
  // The office offers browser recognition: the consent says the visitor's voice then leaves it.
  await kiosk.getByRole('button', { name: 'English' }).click();
  await kiosk.getByRole('button', { name: 'Touch to start' }).click();
  await kiosk.getByRole('button', { name: 'Public information (PPID)' }).click();
  await expect(
    kiosk.getByText(/your voice is sent to a service outside this office/),
  ).toBeVisible();
  await checkScreen(kiosk, 'captions-kiosk-consent');
  await kiosk.getByRole('button', { name: 'I agree' }).click();
  const number = (await kiosk.getByText(/^A-\d{3}$/).textContent())?.trim() ?? '';
  await acceptOffer(agent, number);

  const consoleCaptions = agent.getByRole('region', { name: 'Teks langsung' });
  const line = consoleCaptions.getByRole('textbox', { name: 'Baris teks' });
  const kioskCaptions = kiosk.getByRole('log', { name: 'Live captions' });

  // The kiosk sees the line while the officer is still typing it…
  await line.pressSequentially('Silakan duduk');
  await expect(kioskCaptions).toContainText('Silakan duduk');
  // …and the finished line, on both screens.
  await line.pressSequentially(', saya bantu.');
  await line.press('Enter');
  await expect(line).toHaveValue('');
  await expect(kioskCaptions).toContainText('Silakan duduk, saya bantu.');
  await expect(consoleCaptions.getByRole('log')).toContainText('Silakan duduk, saya bantu.');

  // Chromium without its vendor's keys cannot recognise speech: both screens say so.
  await expect(
    kiosk.getByText('Captions from speech are not available on this device.'),
  ).toBeVisible();
  await expect(
    consoleCaptions.getByText('Teks dari ucapan pengunjung tidak tersedia di perangkatnya.'),
  ).toBeVisible();
  await expect(
    consoleCaptions.getByText('Sumber teks: baris ketikan Anda, pengenalan suara peramban'),
  ).toBeVisible();

  // The call's controls stay on screen under the captions, and the captions leave the visitor's
  // own picture uncovered.
  await expect(kiosk.getByRole('button', { name: 'End call' })).toBeInViewport();
  const self = await kiosk.getByLabel('Your video').boundingBox();
  const captionBoxes = await kioskCaptions
    .locator('..')
    .locator('p, [role="status"]')
    .evaluateAll((boxes) =>
      boxes.map((box) => box.getBoundingClientRect()).filter((r) => r.width && r.height),
    );
  expect(self).not.toBeNull();
  expect(captionBoxes.length).toBeGreaterThan(0);
  for (const caption of captionBoxes) {
    const overlaps =
      caption.left < self!.x + self!.width &&
      self!.x < caption.right &&
      caption.top < self!.y + self!.height &&
      self!.y < caption.bottom;
    expect(overlaps, 'a caption lies over the visitor’s own picture').toBe(false);
  }
  await checkScreen(kiosk, 'captions-kiosk');
  await checkScreen(agent, 'captions-console');

  await agent.getByRole('button', { name: 'Akhiri panggilan' }).click();
  await agent.getByRole('button', { name: 'Ya, akhiri' }).click();
  await agent.context().close();
  await kiosk.context().close();
});
