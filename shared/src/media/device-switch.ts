import type { MediaKind } from './call-session.js';
import { openDevice, swapTrack } from './local-tracks.js';

/** Puts `next` on the wire in place of `previous`, without renegotiating. */
export type SendTrack = (
  previous: MediaStreamTrack | undefined,
  next: MediaStreamTrack,
) => Promise<void>;

/**
 * Switches a joined stream's camera or microphone, one switch at a time. A second switch while
 * one runs is refused, not queued: the picker offers none, and a queue would open devices the
 * person has already moved past. A new track that does not make it into the stream (the call
 * ended while the device opened, or sending it failed) is stopped here, as nothing else would.
 */
export class DeviceSwitch {
  readonly #hasEnded: () => boolean;
  #running = false;

  constructor(hasEnded: () => boolean) {
    this.#hasEnded = hasEnded;
  }

  /** Opens `deviceId`, sends it with `send` and puts it in `local`; rejects if that fails. */
  async run(
    local: MediaStream,
    kind: MediaKind,
    deviceId: string,
    send: SendTrack,
  ): Promise<MediaStreamTrack> {
    if (this.#running) throw new Error('another device switch is still running');
    this.#running = true;
    try {
      const previous = local.getTracks().find((track) => track.kind === kind);
      const next = await openDevice(previous, kind, deviceId);
      try {
        this.#throwIfEnded();
        await send(previous, next);
        this.#throwIfEnded();
      } catch (error) {
        next.stop();
        throw error;
      }
      swapTrack(local, previous, next);
      return next;
    } finally {
      this.#running = false;
    }
  }

  #throwIfEnded(): void {
    if (this.#hasEnded()) throw new Error('the call ended during the device switch');
  }
}
