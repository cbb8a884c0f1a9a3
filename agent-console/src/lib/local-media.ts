import { ConsoleError } from './errors';

/**
 * Camera and microphone for a call. Sign language needs motion more than detail, so we ask for
 * 720p at 25 fps (as wishes, never refused) and tell the encoder to keep the frame rate.
 */
const CONSTRAINTS: MediaStreamConstraints = {
  audio: true,
  video: { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 25 } },
};

let pending: Promise<MediaStream> | null = null;

async function open(): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new ConsoleError('MEDIA_FAILED', 'getUserMedia is not available');
  }
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia(CONSTRAINTS);
  } catch (error) {
    throw new ConsoleError('MEDIA_FAILED', error instanceof Error ? error.message : String(error));
  }
  for (const track of stream.getVideoTracks()) track.contentHint = 'motion';
  return stream;
}

/** Stops every track of `stream`, turning the camera light off. */
export function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/**
 * Starts opening camera and microphone now (when an offer rings or at accept), for the call to
 * take later; a stream already being opened is kept.
 */
export function openingLocalMedia(): Promise<MediaStream> {
  if (!pending) {
    pending = open();
    // Failure is reported to whoever takes the stream, not as an unhandled rejection.
    pending.catch(() => undefined);
  }
  return pending;
}

/** The stream asked for at accept time, or a new one (after a reload the call resumes). */
export function takeLocalMedia(): Promise<MediaStream> {
  const stream = pending ?? open();
  pending = null;
  return stream;
}

/** Gives up a stream asked for but no longer needed (the accept failed). */
export function discardLocalMedia(): void {
  pending?.then(stopTracks, () => undefined);
  pending = null;
}
