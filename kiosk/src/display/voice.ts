import type { Language } from '@loket/shared';
import { utter, voiceFor } from '../speech/voices';
import { clipsFor, spokenNumber } from './clips';

/**
 * The voice of the lobby display, which must work with the network gone. A browser's speech
 * engine is used only through a voice it declares local (`localService`) for the language, since
 * a network voice falls silent exactly when the server is unreachable; otherwise the display
 * plays the short clips shipped with the app (scripts/display-voice.sh, espeak-ng), one after
 * another. Announcements queue, so two calls never talk over each other.
 */
export interface Voice {
  announce(number: string): void;
}

/** The words to say for one ticket in one language, from the app's texts. */
export type Words = (number: string, language: Language) => string;

const LANGUAGES: readonly Language[] = ['id', 'en'];

function play(url: string): Promise<void> {
  return new Promise((resolve) => {
    const audio = new Audio(url);
    audio.onended = () => resolve();
    audio.onerror = () => resolve();
    audio.play().catch(() => resolve());
  });
}

/** A voice that says each ticket in Bahasa Indonesia, then in English. */
export function createVoice(words: Words, base: string): Voice {
  let queue = Promise.resolve();
  const say = async (number: string) => {
    for (const language of LANGUAGES) {
      const voice = voiceFor(language, { localOnly: true });
      if (voice) await utter(words(spokenNumber(number), language), voice);
      else for (const clip of clipsFor(number, language, base)) await play(clip);
    }
  };
  return {
    announce(number) {
      queue = queue.then(() => say(number));
    },
  };
}
