import type { DeviceCheck, DeviceChecks } from '@loket/shared';

/** What the browser's error for a device it could not open says about the device. */
export function checkOf(error: unknown): DeviceCheck {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'missing';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'blocked';
  return 'failed';
}

/** Opens one kind of input device and lets it go at once: nothing is recorded or sent. */
async function openAndRelease(media: MediaDevices, kind: 'video' | 'audio'): Promise<DeviceCheck> {
  try {
    const stream = await media.getUserMedia({ [kind]: true });
    const live = stream.getTracks().some((track) => track.readyState === 'live');
    for (const track of stream.getTracks()) track.stop();
    return live ? 'ok' : 'failed';
  } catch (error) {
    return checkOf(error);
  }
}

/**
 * Checks the kiosk's camera, microphone and speaker: each input is opened and released at once,
 * and a speaker must be among the devices the browser lists. A browser without media devices has
 * none of them.
 */
export async function checkDevices(
  media: MediaDevices | undefined = navigator.mediaDevices,
): Promise<DeviceChecks> {
  if (!media) return { camera: 'missing', microphone: 'missing', speaker: 'missing' };
  const camera = await openAndRelease(media, 'video');
  const microphone = await openAndRelease(media, 'audio');
  let speaker: DeviceCheck;
  try {
    const devices = await media.enumerateDevices();
    speaker = devices.some((device) => device.kind === 'audiooutput') ? 'ok' : 'missing';
  } catch (error) {
    speaker = checkOf(error);
  }
  return { camera, microphone, speaker };
}
