import type { ChatAuthor, Language } from '@loket/shared';

/** A stretch of one side's speech, as a recogniser takes it. */
export interface AudioSegment {
  callId: string;
  from: ChatAuthor;
  language: Language;
  /** Encoded audio, as `mimeType` says (e.g. `audio/webm;codecs=opus` or `audio/wav`). */
  audio: Uint8Array;
  mimeType: string;
}

/**
 * A speech recogniser the office runs itself: audio in, text out, nothing sent elsewhere. It
 * stops when `signal` aborts; it may throw, and its caller turns any failure into "captions
 * unavailable" for both sides while the call goes on.
 */
export interface Recogniser {
  transcribe(segment: AudioSegment, signal: AbortSignal): Promise<string>;
}

/** How long a recogniser may take over one segment before its captions count as unavailable. */
export const RECOGNISER_TIMEOUT_MS = 10_000;

/** Why a recognition ended without text: it failed, or took too long. */
export type RecognitionFailure = 'failed' | 'timeout';

// Whatever text a recogniser answers, it is never this.
const TIMED_OUT = Symbol('timed out');

/**
 * Runs `recogniser` on `segment` for at most `timeoutMs`: the text, or why there is none. Never
 * throws, so a recogniser that fails or hangs cannot take the call down with it.
 */
export async function recognise(
  recogniser: Recogniser,
  segment: AudioSegment,
  timeoutMs: number,
): Promise<{ text: string } | { failure: RecognitionFailure }> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
  });
  try {
    const outcome = await Promise.race([
      recogniser.transcribe(segment, controller.signal),
      timedOut,
    ]);
    if (outcome === TIMED_OUT) {
      controller.abort();
      return { failure: 'timeout' };
    }
    return { text: outcome };
  } catch (error) {
    // A recogniser that gave up waiting on its own side hung all the same.
    return { failure: (error as Error | null)?.name === 'TimeoutError' ? 'timeout' : 'failed' };
  } finally {
    clearTimeout(timer);
  }
}
