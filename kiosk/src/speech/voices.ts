import type { Language } from '@loket/shared';

/**
 * The browser's voice for a language. A voice the browser declares local (`localService`) comes
 * first: a network voice falls silent exactly when the network does. With `localOnly`, a network
 * voice is never chosen (the lobby display then plays its own clips instead).
 */
export function voiceFor(
  language: Language,
  { localOnly }: { localOnly: boolean },
): SpeechSynthesisVoice | null {
  if (!('speechSynthesis' in window)) return null;
  const voices = window.speechSynthesis
    .getVoices()
    .filter((v) => v.lang.toLowerCase().startsWith(language));
  return voices.find((v) => v.localService) ?? (localOnly ? null : (voices[0] ?? null));
}

/** An utterance of `text` in `voice`, at `volume` (0–1), which settles when it ends or fails. */
export function utter(text: string, voice: SpeechSynthesisVoice, volume = 1): Promise<void> {
  return new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.volume = volume;
    utterance.onend = () => resolve();
    utterance.onerror = () => resolve();
    window.speechSynthesis.speak(utterance);
  });
}
