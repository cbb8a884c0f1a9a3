/**
 * The visitor's camera and microphone, opened once per visit and shared by the waiting screen's
 * preview and the call. Kept here, not in the store: a MediaStream is not state to render.
 */

/** 720p at 25 fps keeps signing legible (see docs/inclusion.md); the browser may give less. */
const CONSTRAINTS: MediaStreamConstraints = {
  video: { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 25 } },
  audio: true,
};

let stream: MediaStream | null = null;
let opening: Promise<MediaStream> | null = null;

function isLive(candidate: MediaStream): boolean {
  return candidate.getTracks().some((track) => track.readyState === 'live');
}

/** The open camera stream, opening it if needed. Rejects when there is no camera or no permission. */
export function openCamera(): Promise<MediaStream> {
  if (stream && isLive(stream)) return Promise.resolve(stream);
  if (!opening) {
    if (!navigator.mediaDevices?.getUserMedia) {
      return Promise.reject(new Error('getUserMedia is not available'));
    }
    const attempt = navigator.mediaDevices.getUserMedia(CONSTRAINTS).then(
      (opened) => {
        // The visit may have ended while the browser was asking.
        if (opening !== attempt) {
          stopTracks(opened);
          throw new Error('camera closed while opening');
        }
        opening = null;
        stream = opened;
        return opened;
      },
      (error: unknown) => {
        if (opening === attempt) opening = null;
        throw error;
      },
    );
    opening = attempt;
  }
  return opening;
}

/** Stops the camera and microphone; the next visitor starts with them off. */
export function closeCamera(): void {
  if (stream) stopTracks(stream);
  stream = null;
  opening = null;
}

function stopTracks(target: MediaStream): void {
  for (const track of target.getTracks()) track.stop();
}
