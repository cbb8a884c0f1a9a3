import { expect, test, type Page } from './support/test.js';
import { availableOfficer, goAvailable } from './support/console.js';
import { acceptOffer } from './support/journey.js';
import { openPairedKiosk } from './support/kiosk-pairing.js';
import { checkScreen } from './support/screens.js';
import { E2E_DATA_DIR } from './support/server.js';

/** What the fake speech engine was asked: an utterance, or `cancel` when speech was cut short. */
type Said = { text: string; lang: string; volume: number } | 'cancel';

/**
 * Chromium here has no voices: a recording speech engine with a local voice for each language
 * takes its place, so the test reads what guidance queued and what it cut short.
 */
function fakeSpeech() {
  const said: unknown[] = [];
  const voices = [
    { lang: 'id-ID', name: 'Indonesia', localService: true, default: true, voiceURI: 'id' },
    { lang: 'en-US', name: 'English', localService: true, default: false, voiceURI: 'en' },
  ];
  // A real utterance refuses a voice that is not the browser's own.
  class Utterance {
    voice: unknown = null;
    lang = '';
    volume = 1;
    onend: (() => void) | null = null;
    onerror: (() => void) | null = null;
    constructor(readonly text: string) {}
  }
  Object.assign(window, { spoken: said, SpeechSynthesisUtterance: Utterance });
  Object.defineProperty(window, 'speechSynthesis', {
    value: {
      getVoices: () => voices,
      speak: (u: Utterance) => said.push({ text: u.text, lang: u.lang, volume: u.volume }),
      cancel: () => said.push('cancel'),
      addEventListener: () => undefined,
    },
  });
}

const spoken = (kiosk: Page) =>
  kiosk.evaluate(() => (window as unknown as { spoken: Said[] }).spoken);
const texts = async (kiosk: Page) =>
  (await spoken(kiosk)).flatMap((s) => (s === 'cancel' ? [] : [s.text]));

/** The screen's heading is said in the visitor's language; returns it. */
async function headingSaid(kiosk: Page, lang: string): Promise<string> {
  const heading = ((await kiosk.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
  await expect.poll(() => texts(kiosk)).toContain(heading);
  const said = (await spoken(kiosk)).find((s) => s !== 'cancel' && s.text === heading);
  expect(said).toMatchObject({ lang: expect.stringMatching(new RegExp(`^${lang}`)) });
  return heading;
}

const WORDS = {
  id: {
    switch: 'Panduan suara',
    start: 'Sentuh untuk mulai',
    agree: 'Setuju',
    louder: 'Lebih keras',
    overall: 'Secara keseluruhan, pelayanan hari ini',
    answer: 'Sangat baik',
    selected: 'dipilih',
  },
  en: {
    switch: 'Audio guidance',
    start: 'Touch to start',
    agree: 'I agree',
    louder: 'Louder',
    overall: 'Overall, today’s service',
    answer: 'Very good',
    selected: 'selected',
  },
} as const;

for (const lang of ['id', 'en'] as const) {
  const w = WORDS[lang];
  test(`A visitor with audio guidance (${lang}) hears every screen to the ticket and the survey`, async ({
    browser,
  }) => {
    const agent = await availableOfficer(browser);
    const kiosk = await openPairedKiosk(browser, E2E_DATA_DIR, 'Kios lobi 1', {
      viewport: { width: 1080, height: 1920 },
    });
    await kiosk.addInitScript(fakeSpeech);
    await kiosk.reload();
    if (lang === 'en') await kiosk.getByRole('button', { name: 'English' }).click();

    const toggle = kiosk.getByRole('button', { name: w.switch });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const headings = [await headingSaid(kiosk, lang)];
    // Guidance says the switch it was turned on with, and whether it is on.
    await expect.poll(() => texts(kiosk)).toContainEqual(expect.stringContaining(w.switch));

    // Focus moving is said: the next control on the toolbar is the volume.
    await kiosk.getByRole('button', { name: w.louder }).focus();
    await expect.poll(() => texts(kiosk)).toContain(w.louder);
    await kiosk.getByRole('button', { name: w.louder }).click();

    await kiosk.getByRole('button', { name: w.start }).click();
    headings.push(await headingSaid(kiosk, lang));
    await kiosk.getByRole('button', { name: /PPID/ }).click();
    headings.push(await headingSaid(kiosk, lang));
    await checkScreen(kiosk, lang === 'en' ? 'audio-guidance' : 'audio-guidance-id');
    await kiosk.getByRole('button', { name: w.agree, exact: true }).click();
    headings.push(await headingSaid(kiosk, lang));
    const number = ((await kiosk.getByText(/^A-\d{3}$/).textContent()) ?? '').trim();

    // Every screen's heading, in the order the visitor met them; each new screen cut short
    // what was being said, and the volume step is heard.
    const log = await spoken(kiosk);
    const said = log.flatMap((s) => (s === 'cancel' ? [] : [s.text]));
    const at = headings.map((h) => said.lastIndexOf(h));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    for (const h of headings.slice(1)) {
      const index = log.findIndex((s) => s !== 'cancel' && s.text === h);
      expect(log[index - 1]).toBe('cancel');
    }
    expect(log.at(-1)).toMatchObject({ volume: 0.8 });

    // The survey: each question and the chosen answer are read.
    await acceptOffer(agent, number);
    await expect(kiosk.getByRole('button', { name: w.switch })).toBeVisible();
    await agent.getByRole('button', { name: 'Akhiri panggilan' }).click();
    await agent.getByRole('button', { name: 'Ya, akhiri' }).click();
    await headingSaid(kiosk, lang);
    const overall = kiosk.getByRole('group', { name: w.overall });
    await overall.getByRole('radio', { name: w.answer }).click();
    await expect.poll(() => texts(kiosk)).toContain(w.overall);
    await expect.poll(() => texts(kiosk)).toContain(`${w.answer}, ${w.selected}`);
    await checkScreen(kiosk, `audio-guidance-survey-${lang}`);
    // Wrap-up may have ended by itself while the survey was read out: available either way.
    await goAvailable(agent);
    await kiosk.close();
  });
}
