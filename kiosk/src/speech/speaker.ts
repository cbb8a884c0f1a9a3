import type { Language } from '@loket/shared';
import { utter, voiceFor } from './voices';

/** What audio guidance speaks through: one voice that can be cut short and turned down. */
export interface Speaker {
  /** Queues `text` after what is being said; false when no voice speaks `language`. */
  speak(text: string, language: Language): boolean;
  /** Stops what is being said and drops what is queued. */
  cancel(): void;
  /** Sets the loudness, from 0 to 1, of what is spoken next. */
  setVolume(volume: number): void;
}

/**
 * The browser's speech engine as a speaker. A local voice of the language is preferred, any voice
 * of it will do: guidance with a network voice is better than none.
 */
export function createBrowserSpeaker(): Speaker {
  let loudness = 1;
  return {
    setVolume(volume) {
      loudness = volume;
    },
    speak(text, language) {
      const voice = voiceFor(language, { localOnly: false });
      if (voice) void utter(text, voice, loudness);
      return voice !== null;
    },
    cancel() {
      if ('speechSynthesis' in window) window.speechSynthesis.cancel();
    },
  };
}
