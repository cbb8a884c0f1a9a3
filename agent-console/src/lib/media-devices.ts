import type { MediaKind } from '@loket/shared/media';

/** A camera or microphone the agent can pick. */
export interface DeviceChoice {
  deviceId: string;
  /** Empty when the browser keeps names back (before camera permission). */
  label: string;
}

/** The agent's cameras and microphones, by kind. */
export type DeviceChoices = Record<MediaKind, DeviceChoice[]>;

const INPUT_KIND: Record<MediaDeviceKind, MediaKind | null> = {
  audioinput: 'audio',
  videoinput: 'video',
  audiooutput: null,
};

/** Lists cameras and microphones; nothing when the browser has no device list. */
export async function listDevices(): Promise<DeviceChoices> {
  const choices: DeviceChoices = { audio: [], video: [] };
  if (!navigator.mediaDevices?.enumerateDevices) return choices;
  for (const device of await navigator.mediaDevices.enumerateDevices()) {
    const kind = INPUT_KIND[device.kind];
    if (kind && device.deviceId) {
      choices[kind].push({ deviceId: device.deviceId, label: device.label });
    }
  }
  return choices;
}

/** Calls `listener` when a device is plugged in or removed; returns the unsubscribe function. */
export function subscribeDeviceChanges(listener: () => void): () => void {
  const devices = navigator.mediaDevices;
  if (!devices?.addEventListener) return () => undefined;
  devices.addEventListener('devicechange', listener);
  return () => devices.removeEventListener('devicechange', listener);
}

/** The device a stream's track of `kind` comes from. */
export function deviceOf(stream: MediaStream | null, kind: MediaKind): string | undefined {
  const track = stream?.getTracks().find((candidate) => candidate.kind === kind);
  return track?.getSettings().deviceId;
}
