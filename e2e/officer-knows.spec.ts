import { expect, test, type Browser, type Page } from './support/test.js';
import { launchChromium } from './support/chromium.js';
import { availableOfficer, goAvailable } from './support/console.js';
import { measureSigningFrameRate, videoSenderState } from './support/frame-rate.js';
import { acceptOffer, expectVideoFlowing, takeTicket } from './support/journey.js';
import { openPairedKiosk } from './support/kiosk-pairing.js';
import { recordPeerConnections } from './support/media.js';
import { checkScreen } from './support/screens.js';
import { E2E_DATA_DIR, E2E_PORT } from './support/server.js';

/** What each side reads, in the language the test runs in. */
const WORDS = {
  id: {
    kioskStart: 'Sentuh untuk mulai',
    attractBisindo: 'Pengguna bahasa isyarat? Mulai dengan BISINDO',
    serviceBisindo: 'Saya menggunakan bahasa isyarat (BISINDO)',
    service: 'Informasi publik (PPID)',
    agree: 'Setuju',
    inCall: 'Sedang terhubung dengan petugas',
    available: 'Status: Tersedia',
    goAvailable: 'Siap melayani',
    offer: 'Panggilan masuk',
    accept: 'Terima',
    bisindo: 'Bahasa isyarat (BISINDO)',
    notes: 'Catatan untuk kantor (tidak dilihat pengunjung)',
    saveNotes: 'Simpan catatan',
    notesSaved: 'Catatan tersimpan.',
    endCall: 'Akhiri panggilan',
    endYes: 'Ya, akhiri',
    toNotes: 'Ke catatan',
    outcome: 'Bagaimana hasil kunjungan?',
    followUp: 'Perlu tindak lanjut',
    saveWrapUp: 'Simpan catatan dan hasil',
    wrapUpSaved: 'Catatan dan hasil tersimpan.',
  },
  en: {
    kioskStart: 'Touch to start',
    attractBisindo: 'Do you sign? Start in sign language (BISINDO)',
    serviceBisindo: 'I use sign language (BISINDO)',
    service: 'Public information (PPID)',
    agree: 'I agree',
    inCall: 'In a call with an officer',
    available: 'Status: Available',
    goAvailable: 'Go available',
    offer: 'Incoming call',
    accept: 'Accept',
    bisindo: 'Sign language (BISINDO)',
    notes: 'Notes for the office (the visitor does not see them)',
    saveNotes: 'Save notes',
    notesSaved: 'Notes saved.',
    endCall: 'End call',
    endYes: 'Yes, end call',
    toNotes: 'Go to the notes',
    outcome: 'How did the visit end?',
    followUp: 'Needs follow-up',
    saveWrapUp: 'Save notes and outcome',
    wrapUpSaved: 'Notes and outcome saved.',
  },
} as const;
type Language = keyof typeof WORDS;

/** A page reloaded with its peer connections recorded, so the test can read and cap its media. */
async function recorded(page: Page): Promise<void> {
  await recordPeerConnections(page.context());
  await page.reload();
}

/**
 * A signing officer (Sari, `petugas1`) and a Deaf visitor who chose BISINDO on the attract
 * screen, in `language` on both sides, up to the offer ringing on the officer's console.
 */
async function signingVisitorRings(
  browser: Browser,
  language: Language,
  shoot: boolean,
  kioskBrowser = browser,
) {
  const words = WORDS[language];
  const agent = await availableOfficer(browser);
  await recorded(agent);
  if (language === 'en') await agent.getByRole('button', { name: 'English' }).click();
  // The reload closed the console's connection: the officer makes themself available again.
  await expect(agent.getByText(/^Status:/)).toBeVisible();
  await goAvailable(agent, words);

  const kiosk = await openPairedKiosk(kioskBrowser, E2E_DATA_DIR, 'Kios lobi 1', {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
  });
  await recorded(kiosk);
  if (language === 'en') await kiosk.getByRole('button', { name: 'English' }).click();
  await expect(kiosk.getByRole('button', { name: words.kioskStart })).toBeVisible();
  const bisindo = kiosk.getByRole('button', { name: words.attractBisindo });
  await expect(bisindo).toBeVisible();
  if (shoot) await checkScreen(kiosk, `kiosk-attract-bisindo-${language}`);
  await bisindo.click();
  // The service screen keeps the choice in sight, pressed.
  await expect(kiosk.getByRole('button', { name: words.serviceBisindo })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  if (shoot) await checkScreen(kiosk, `kiosk-service-bisindo-${language}`);
  await kiosk.getByRole('button', { name: words.service }).click();
  await kiosk.getByRole('button', { name: words.agree, exact: true }).click();
  const number = (await kiosk.getByText(/^A-\d{3}$/).textContent())?.trim() ?? '';
  expect(number).toMatch(/^A-\d{3}$/);

  const offer = agent.getByRole('alertdialog', { name: words.offer });
  await expect(offer).toContainText(number);
  return { agent, kiosk, offer, words };
}

for (const language of ['id', 'en'] as const) {
  test(`a Deaf visitor who picks BISINDO on the attract screen is served by a signing officer who saw it on the offer, wrote notes and picked the outcome (${language})`, async ({
    browser,
  }) => {
    const { agent, kiosk, offer, words } = await signingVisitorRings(browser, language, true);
    // The needs' list, not the chat's conversation beside it.
    const needs = offer.locator('.need-list').getByRole('listitem');
    await expect(needs).toHaveText([words.bisindo]);
    await expect(needs.locator('svg')).toHaveAttribute('aria-hidden', 'true');
    await checkScreen(agent, language === 'id' ? 'offer-needs' : 'offer-needs-en');
    await offer.getByRole('button', { name: words.accept, exact: true }).click();

    await expect(kiosk.getByRole('heading', { name: words.inCall })).toBeVisible();
    // The call view tells the officer the same as the offer did.
    await expect(agent.getByRole('listitem').filter({ hasText: words.bisindo })).toBeVisible();
    await expectVideoFlowing(agent, 'the officer');
    const note = 'Visitor <b>signs</b> fast; brought KTP & KK';
    await agent.getByRole('textbox', { name: words.notes }).fill(note);
    await agent.getByRole('button', { name: words.saveNotes }).click();
    await expect(agent.getByText(words.notesSaved)).toBeVisible();
    await checkScreen(agent, `call-notes-${language}`);

    await agent.getByRole('button', { name: words.endCall }).click();
    await agent.getByRole('button', { name: words.endYes }).click();
    // The hint to finish the notes leads to them, still holding what was typed in the call.
    await agent.getByRole('link', { name: words.toNotes }).click();
    const notes = agent.getByRole('textbox', { name: words.notes });
    await expect(notes).toBeFocused();
    await expect(notes).toHaveValue(note);
    await expect(agent.locator('main b')).toHaveCount(0);
    await notes.fill(`${note}. Back on Monday.`);
    await agent
      .getByRole('group', { name: words.outcome })
      .getByRole('radio', { name: words.followUp })
      .check();
    await checkScreen(agent, language === 'id' ? 'wrap-up' : 'wrap-up-en');
    await agent.getByRole('button', { name: words.saveWrapUp }).click();
    await expect(agent.getByText(words.wrapUpSaved)).toBeVisible();
    await goAvailable(agent, words);
    await kiosk.context().close();
    await agent.context().close();
  });
}

test('a BISINDO call on the peer-to-peer path keeps its frame rate when the visitor’s video is capped at 500 kbit/s', async ({
  browser,
}) => {
  // The kiosk's fake camera films at 30 fps (its default is 20): a source below the goal could
  // not show whether the call keeps 25 fps.
  const camera = await launchChromium({ fakeDevice: 'fps=30' });
  const { agent, kiosk, offer, words } = await signingVisitorRings(browser, 'id', false, camera);
  await offer.getByRole('button', { name: words.accept, exact: true }).click();
  await expect(kiosk.getByRole('heading', { name: words.inCall })).toBeVisible();
  await expectVideoFlowing(agent, 'the officer');
  const figures = await measureSigningFrameRate(kiosk, agent, 500_000);
  const sender = await videoSenderState(kiosk);
  test
    .info()
    .annotations.push(
      { type: 'sender', description: JSON.stringify(sender) },
      { type: 'signing_fps_p5', description: String(figures.p5) },
      { type: 'signing_fps_median', description: String(figures.median) },
      { type: 'received_kbps', description: String(Math.round(figures.receivedBps / 1000)) },
      { type: 'frame', description: `${figures.frame.width}x${figures.frame.height}` },
      { type: 'sent_fps', description: String(figures.sentFps) },
      { type: 'camera_fps_p5', description: String(figures.cameraP5) },
      { type: 'fps_per_second', description: figures.perSecond.join(' ') },
    );
  // The cap held (a little over, for headers and the encoder's overshoot) …
  expect(figures.receivedBps).toBeLessThan(650_000);
  // … the sender was asked to keep its frame rate …
  expect(sender).toMatchObject({
    degradationPreference: 'maintain-framerate',
    contentHint: 'motion',
  });
  // … and signing stayed fluid: EN 301 549 asks at least 20 fps of sign-language video. A
  // machine too busy to film shows in the camera's own count: when the camera itself gave fewer
  // than 22 frames in some seconds, what is checked is that the capped link lost none of the
  // frames the kiosk sent.
  const filmed = figures.cameraP5 ?? 0;
  const sent = figures.sentFps ?? 0;
  if (filmed >= 22) {
    expect(
      figures.p5,
      `p5 of received fps (the kiosk's camera gave ≥ ${filmed} fps in 95 % of seconds)`,
    ).toBeGreaterThanOrEqual(20);
  } else {
    expect(
      figures.median,
      `median received fps against the ${sent} fps a busy kiosk sent`,
    ).toBeGreaterThanOrEqual(0.9 * sent);
  }
  await agent.getByRole('button', { name: words.endCall }).click();
  await agent.getByRole('button', { name: words.endYes }).click();
  await goAvailable(agent, words);
  await camera.close();
  await agent.context().close();
});

test('a visitor back at the same kiosk types their earlier ticket, and the officer sees that visit in the call', async ({
  browser,
}) => {
  const agent = await availableOfficer(browser);
  const kiosk = await openPairedKiosk(browser, E2E_DATA_DIR, 'Kios lobi 1', {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
  });
  const first = await takeTicket(kiosk);
  await kiosk.getByRole('button', { name: 'Cancel ticket' }).click();
  await kiosk.getByRole('button', { name: 'Yes, cancel' }).click();
  const second = await takeTicket(kiosk);
  expect(second).not.toBe(first);

  // The offer rings for a minute: time enough for the visitor to offer the earlier ticket.
  await kiosk.getByRole('button', { name: 'Been here earlier today?' }).click();
  const dialog = kiosk.getByRole('dialog', { name: 'Your earlier ticket today' });
  await dialog.getByRole('textbox', { name: 'Earlier ticket number' }).fill(first);
  await checkScreen(kiosk, 'kiosk-earlier-ticket');
  await dialog.getByRole('button', { name: 'Show it to the officer' }).click();
  await expect(dialog.getByText('Done. The officer will see your earlier visit.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  await acceptOffer(agent, second);
  const earlier = agent.getByRole('region', { name: 'Kunjungan sebelumnya hari ini' });
  await expect(earlier).toContainText(first);
  await checkScreen(agent, 'call-earlier-visits');
  await agent.getByRole('button', { name: 'Akhiri panggilan' }).click();
  await agent.getByRole('button', { name: 'Ya, akhiri' }).click();
  await kiosk.context().close();
  await agent.context().close();
});
