import type { MediaKind } from './call-session.js';

/** Whichever value a constraint names, as a wish: `{ min: 1280 }` becomes `{ ideal: 1280 }`. */
function asWish(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const { ideal, exact, min, max } = value as Record<string, unknown>;
  const wish = ideal ?? exact ?? min ?? max;
  return wish === undefined ? {} : { ideal: wish };
}

/**
 * What to ask of another device, from the constraints the current track was opened with: the
 * same wishes, but none required (a sign-language call's `min` 720p at 25 fps would refuse a
 * camera that cannot do it), and exactly the chosen device.
 */
export function constraintsForDevice(
  current: MediaTrackConstraints,
  deviceId: string,
): MediaTrackConstraints {
  const wishes = Object.entries(current)
    .filter(([name]) => name !== 'deviceId' && name !== 'groupId')
    .map(([name, value]) => [name, asWish(value)]);
  return { ...Object.fromEntries(wishes), deviceId: { exact: deviceId } };
}

/**
 * Opens `deviceId` for `kind` with what the current track was opened with (a sign-language call
 * keeps asking for its 720p at 25 fps), muted if the current one is.
 */
export async function openDevice(
  current: MediaStreamTrack | undefined,
  kind: MediaKind,
  deviceId: string,
): Promise<MediaStreamTrack> {
  const constraints = constraintsForDevice(current?.getConstraints() ?? {}, deviceId);
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
