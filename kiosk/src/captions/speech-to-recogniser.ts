import type { Language } from '@loket/shared';
import { captureSpeech } from '@loket/shared/media';
import { command } from '../lib/commands';

/**
 * Sends the visitor's speech on the call's microphone `track` to the office's recogniser, an
 * utterance at a time, in the call's `language`. Loaded only where the office runs one.
 */
export function speakToRecogniser(
  track: MediaStreamTrack,
  callId: string,
  language: Language,
): () => void {
  return captureSpeech(track, (piece) => {
    void command('caption:audio', { callId, language, ...piece });
  });
}
