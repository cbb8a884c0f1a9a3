import type { MediaKind } from './call-session.js';

/**
 * Opens `deviceId` for `kind` with the constraints the current track was opened with (a
 * sign-language call keeps its 720p at 25 fps), muted if the current one is.
 */
export async function openDevice(
  current: MediaStreamTrack | undefined,
  kind: MediaKind,
  deviceId: string,
): Promise<MediaStreamTrack> {
  const constraints: MediaTrackConstraints = {
    ...current?.getConstraints(),
    deviceId: { exact: deviceId },
  };
  const stream = await navigator.mediaDevices.getUserMedia({ [kind]: constraints });
  const [track] = kind === 'video' ? stream.getVideoTracks() : stream.getAudioTracks();
  if (!track) throw new Error(`no ${kind} track from device ${deviceId}`);
  if (current) {
    track.enabled = current.enabled;
    track.contentHint = current.contentHint;
  }
  return track;
}

/** Puts `next` in `stream` in place of `previous`, which is stopped. */
export function swapTrack(
  stream: MediaStream,
  previous: MediaStreamTrack | undefined,
  next: MediaStreamTrack,
): void {
  if (previous) {
    stream.removeTrack(previous);
    previous.stop();
  }
  stream.addTrack(next);
}

/**
 * Asks the browser for a screen to share, video only. `onEnded` runs when the person stops it with
 * the browser's own control.
 */
export async function captureScreen(onEnded: () => void): Promise<MediaStream> {
  const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
  for (const track of stream.getVideoTracks()) {
    // Text and slides: sharp detail matters more than motion.
    track.contentHint = 'detail';
    track.addEventListener('ended', onEnded, { once: true });
  }
  return stream;
}

/** Stops every track of a stream the session opened itself. */
export function stopStream(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
