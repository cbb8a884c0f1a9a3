import { afterEach, describe, expect, test, vi } from 'vitest';
import { createVoice } from './voice';

const words = (number: string, language: string) => `${language}: ${number}`;

/** Audio that "plays" at once and records what it played. */
function stubAudio() {
  const played: string[] = [];
  vi.stubGlobal(
    'Audio',
    class {
      onended: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(readonly src: string) {}
      play() {
        played.push(this.src);
        queueMicrotask(() => this.onended?.());
        return Promise.resolve();
      }
    },
  );
  return played;
}

function stubSpeech(voices: Partial<SpeechSynthesisVoice>[]) {
  const spoken: { text: string; lang: string }[] = [];
  vi.stubGlobal('speechSynthesis', {
    getVoices: () => voices,
    speak: (u: { text: string; lang: string; onend: () => void }) => {
      spoken.push({ text: u.text, lang: u.lang });
      queueMicrotask(() => u.onend());
    },
  });
  vi.stubGlobal(
    'SpeechSynthesisUtterance',
    class {
      voice: unknown = null;
      lang = '';
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(readonly text: string) {}
    },
  );
  return spoken;
}

afterEach(() => vi.unstubAllGlobals());

describe('the display’s voice', () => {
  test('speaks with a local voice of the language, and plays the clips for one that is not', async () => {
    const played = stubAudio();
    const spoken = stubSpeech([
      { lang: 'id-ID', localService: true },
      { lang: 'en-US', localService: false },
    ]);
    createVoice(words, '/kiosk/').announce('A-01');
    await vi.waitFor(() => expect(played).toHaveLength(5));
    expect(spoken).toEqual([{ text: 'id: A 0 1', lang: 'id-ID' }]);
    expect(played).toEqual(
      ['ticket', 'a', '0', '1', 'return'].map((n) => `/kiosk/voice/en/${n}.ogg`),
    );
  });

  test('announces one ticket after another, never over each other', async () => {
    const played = stubAudio();
    stubSpeech([]);
    const voice = createVoice(words, '/');
    voice.announce('A-1');
    voice.announce('B-2');
    await vi.waitFor(() => expect(played).toHaveLength(16));
    expect(played.slice(0, 8).join()).toContain('/voice/id/a.ogg');
    expect(played.slice(8).join()).not.toContain('/a.ogg');
  });
});
