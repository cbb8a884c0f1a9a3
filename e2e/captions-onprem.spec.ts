import { expect, test, type Browser, type Locator, type Page } from './support/test.js';
import { wordErrorRate } from '../signaling-server/src/captions/word-error-rate.js';
import {
  startRecogniser,
  type RecogniserProcess,
} from '../signaling-server/test/recogniser-process.js';
import { chromiumLaunchOptions } from './support/chromium.js';
import { goAvailable } from './support/console.js';
import { acceptOffer } from './support/journey.js';
import { openPairedKiosk } from './support/kiosk-pairing.js';
import { startLoket, type Loket } from './support/livekit-loket.js';
import { speechForFakeMicrophone } from './support/recorded-speech.js';
import { checkScreen } from './support/screens.js';

// Both fake microphones, the kiosk's and the console's, say the recorded Indonesian sentence.
const { wav, said } = speechForFakeMicrophone('id');
test.use({ launchOptions: chromiumLaunchOptions({ fakeAudio: wav }) });

/** The most of the sentence the office's recogniser may get wrong: it measures 0.20 on it. */
const WORST_WORD_ERROR_RATE = 0.35;

let recogniser: RecogniserProcess;
let loket: Loket;
test.beforeAll(async () => {
  test.setTimeout(90_000);
  recogniser = await startRecogniser();
  loket = await startLoket({
    CAPTIONS: 'typed,onprem',
    RECOGNISER_URL: recogniser.url,
    // A machine running the whole suite may take many seconds over one utterance.
    RECOGNISER_TIMEOUT_SECONDS: '30',
  });
});
test.afterAll(async () => {
  await loket?.stop();
  await recogniser?.stop();
});

async function officer(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    baseURL: loket.baseURL,
    viewport: { width: 1440, height: 900 },
    permissions: ['camera', 'microphone'],
  });
  const page = await context.newPage();
  await page.goto('/console/');
  await page.getByLabel('Nama pengguna').fill('petugas1');
  await page.getByLabel('Kata sandi').fill(loket.password('petugas1'));
  await page.getByRole('button', { name: 'Masuk' }).click();
  await goAvailable(page);
  return page;
}

/** The latest caption of one side as a screen shows it, without the speaker's label. */
async function captionOf(captions: Locator, label: string): Promise<string> {
  const [text = ''] = await captions.locator('p', { hasText: label }).allTextContents();
  return text.replace(label, '').trim();
}

test('Each side’s speech reaches the other screen as captions from the office’s own recogniser, close to what was said', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const agent = await officer(browser);
  const kiosk = await openPairedKiosk(browser, loket.dataDir, 'Kios lobi 1', {
    baseURL: loket.baseURL,
  });
  // Nothing on the kiosk's first screens warns of audio leaving: the office's recogniser keeps it.
  await kiosk.getByRole('button', { name: 'Sentuh untuk mulai' }).click();
  await kiosk.getByRole('button', { name: /PPID/ }).click();
  await expect(kiosk.getByText(/layanan di luar kantor ini/)).toHaveCount(0);
  await kiosk.getByRole('button', { name: 'Setuju', exact: true }).click();
  const number = (await kiosk.getByText(/^A-\d{3}$/).textContent())?.trim() ?? '';
  await acceptOffer(agent, number);
  // One side speaks at a time, as people do: the officer listens first.
  const officerMic = agent.getByRole('button', { name: 'Matikan mikrofon' });
  await officerMic.click();

  const consoleCaptions = agent.getByRole('region', { name: 'Teks langsung' });
  await expect(
    consoleCaptions.getByText('Sumber teks: baris ketikan Anda, pengenal suara kantor'),
  ).toBeVisible();
  // The visitor's sentence on the officer's screen. The first utterance may begin mid-sentence
  // (the microphone was playing before the call), so the captions are watched until a whole one.
  const consoleLog = consoleCaptions.getByRole('log');
  await expect
    .poll(async () => wordErrorRate(said, await captionOf(consoleLog, 'Pengunjung:')), {
      timeout: 45_000,
    })
    .toBeLessThanOrEqual(WORST_WORD_ERROR_RATE);
  // Then the officer speaks, and the visitor listens (the first utterance may again be cut).
  await kiosk.getByRole('button', { name: 'Matikan mikrofon' }).click();
  await officerMic.click();
  const kioskLog = kiosk.getByRole('log', { name: 'Teks langsung' });
  await expect
    .poll(async () => wordErrorRate(said, await captionOf(kioskLog, 'Petugas:')), {
      timeout: 45_000,
    })
    .toBeLessThanOrEqual(WORST_WORD_ERROR_RATE);
  await expect(consoleCaptions.getByRole('status')).toHaveText('');

  await checkScreen(agent, 'captions-onprem-console');
  await checkScreen(kiosk, 'captions-onprem-kiosk');

  await agent.getByRole('button', { name: 'Akhiri panggilan' }).click();
  await agent.getByRole('button', { name: 'Ya, akhiri' }).click();
  await agent.context().close();
  await kiosk.context().close();
});
