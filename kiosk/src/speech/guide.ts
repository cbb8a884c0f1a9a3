import type { Language } from '@loket/shared';
import { readScene } from './scene';
import type { Speaker } from './speaker';
import { utterances, type Scene, type StateWords } from './utterances';

interface GuideOptions {
  speaker: Speaker;
  /** The visitor's language now. */
  language: () => Language;
  /** The words for controls' states in that language. */
  words: () => StateWords;
  /** Called once per language that no voice speaks. */
  onMissingVoice: (language: Language) => void;
}

/**
 * Audio guidance: whenever the screen, its heading or the focus changes, what is being said is
 * cut short and the new scene is said instead. Changes that come together (a screen's heading
 * and its focus) are said as one. Returns the function that stops it.
 */
export function startGuide({ speaker, language, words, onMissingVoice }: GuideOptions): () => void {
  let last: Scene | null = null;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const missing = new Set<Language>();

  const update = () => {
    pending = undefined;
    const scene = readScene();
    const said = utterances(last, scene, words());
    last = scene;
    if (said.length === 0) return;
    speaker.cancel();
    const lang = language();
    for (const text of said) {
      if (speaker.speak(text, lang)) continue;
      if (!missing.has(lang)) onMissingVoice(lang);
      missing.add(lang);
      return;
    }
  };
  const schedule = () => {
    pending ??= setTimeout(update, 30);
  };

  const observer = new MutationObserver(schedule);
  observer.observe(document.body, {
    subtree: true,
    childList: true,
    characterData: true,
    attributeFilter: ['aria-pressed'],
  });
  document.addEventListener('focusin', schedule);
  document.addEventListener('change', schedule);
  schedule();
  return () => {
    clearTimeout(pending);
    observer.disconnect();
    document.removeEventListener('focusin', schedule);
    document.removeEventListener('change', schedule);
    speaker.cancel();
  };
}
