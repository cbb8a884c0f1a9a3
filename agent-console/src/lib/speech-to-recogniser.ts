import type { Language } from '@loket/shared';
import { captureSpeech } from '@loket/shared/media';
import { agentCommand } from './agent-commands';

/**
 * Sends the officer's speech on the call's microphone `track` to the office's recogniser, an
 * utterance at a time, in the call's `language`. Loaded only where the office runs one.
 */
export function speakToRecogniser(
  track: MediaStreamTrack,
  callId: string,
  language: Language,
): () => void {
  return captureSpeech(track, (piece) => {
    // A refused piece costs one caption; the recogniser's trouble reaches both sides as status.
    agentCommand('caption:audio', { callId, language, ...piece }).catch(() => undefined);
  });
}
