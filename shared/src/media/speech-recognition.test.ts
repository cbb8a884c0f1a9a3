import { describe, expect, test } from 'vitest';
import type { CaptionTrouble } from '../domain/captions.js';
import { listenForSpeech, type SpeechScope } from './speech-recognition.js';

/** A recogniser the test drives as a browser would. */
class FakeRecognition {
  static last: FakeRecognition;
  lang = '';
  continuous = false;
  interimResults = false;
  starts = 0;
  aborted = false;
  onresult: ((event: unknown) => void) | null = null;
  onerror: ((event: { error: string }) => void) | null = null;
  onend: (() => void) | null = null;
  constructor() {
    FakeRecognition.last = this;
  }
  start() {
    this.starts += 1;
  }
  abort() {
    this.aborted = true;
  }
  hear(...lines: { text: string; final: boolean }[]) {
    const results = lines.map((line) => ({ isFinal: line.final, 0: { transcript: line.text } }));
    this.onresult?.({ resultIndex: 0, results });
  }
}

function listen(scope: SpeechScope, language: 'id' | 'en' = 'id') {
  const heard: [string, boolean][] = [];
  const troubles: CaptionTrouble[] = [];
  const stop = listenForSpeech(
    {
      language,
      onText: (text, final) => heard.push([text, final]),
      onTrouble: (trouble) => troubles.push(trouble),
    },
    scope,
  );
  return { heard, troubles, stop };
}

describe('captions from the browser’s speech recognition', () => {
  test('a browser without recognition says so at once', () => {
    expect(listen({}).troubles).toEqual(['unsupported']);
  });

  test('listens in the call’s language, unfinished lines and final ones', () => {
    const { heard } = listen({ webkitSpeechRecognition: FakeRecognition }, 'en');
    const recognition = FakeRecognition.last;
    expect([recognition.lang, recognition.continuous, recognition.interimResults]).toEqual([
      'en-US',
      true,
      true,
    ]);
    recognition.hear({ text: ' good ', final: false });
    recognition.hear({ text: 'good morning', final: true });
    expect(heard).toEqual([
      ['good', false],
      ['good morning', true],
    ]);
  });

  test('Chromium without its vendor’s keys answers network: told once, and not started again', () => {
    const { troubles } = listen({ SpeechRecognition: FakeRecognition });
    const recognition = FakeRecognition.last;
    expect(recognition.lang).toBe('id-ID');
    recognition.onerror?.({ error: 'network' });
    recognition.onerror?.({ error: 'network' });
    recognition.onend?.();
    expect(troubles).toEqual(['network']);
    expect(recognition.starts).toBe(1);
  });

  test('silence ends a session, which starts again until stopped', () => {
    const { troubles, stop } = listen({ SpeechRecognition: FakeRecognition });
    const recognition = FakeRecognition.last;
    recognition.onerror?.({ error: 'no-speech' });
    recognition.onend?.();
    expect(recognition.starts).toBe(2);
    stop();
    recognition.onend?.();
    expect([recognition.starts, recognition.aborted, troubles]).toEqual([2, true, []]);
  });
});
