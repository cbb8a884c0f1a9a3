/**
 * Encoded transforms on a call's camera, for a call that starts on a connection made while its
 * offer rang. Browsers take a transform when its connection is negotiated, so each is set up
 * with its transceiver; each runs in a worker of its own.
 */

/**
 * A video sender whose encoded frames are held back in the browser until `release`: the encoder
 * starts on the camera before the call, while not one frame reaches the other party.
 */
export interface HeldVideo {
  /** Settles once frames are held: a track put on the sender before may send unheld. */
  readonly holding: Promise<void>;
  /** Lets frames through from the next keyframe (or all of them, if none comes soon). */
  release(): void;
  /** Ends the hold for good (its connection is closing). */
  stop(): void;
}

/** The receiving side's part: asks for a keyframe from the call's start until a frame comes. */
export interface KeyframeAsker {
  ask(): void;
  stop(): void;
}

function canTransform(endpoint: RTCRtpSender | RTCRtpReceiver): boolean {
  return typeof RTCRtpScriptTransform === 'function' && 'transform' in endpoint;
}

function transform(endpoint: RTCRtpSender | RTCRtpReceiver, role: 'hold' | 'ask') {
  const worker = new Worker(new URL('./encoded-video-worker.ts', import.meta.url), {
    type: 'module',
  });
  const { port1, port2 } = new MessageChannel();
  endpoint.transform = new RTCRtpScriptTransform(worker, { role, port: port2 }, [port2]);
  return {
    port: port1,
    stop() {
      port1.close();
      worker.terminate();
    },
  };
}

/** Holds `sender`'s frames; null where the browser has no encoded transforms. */
export function holdVideo(sender: RTCRtpSender): HeldVideo | null {
  if (!canTransform(sender)) return null;
  const { port, stop } = transform(sender, 'hold');
  const holding = new Promise<void>((resolve) => {
    port.onmessage = () => resolve();
  });
  return { holding, release: () => port.postMessage('open'), stop };
}

/** Keyframe asking on `receiver`; null where the browser has no encoded transforms. */
export function askForKeyframes(receiver: RTCRtpReceiver): KeyframeAsker | null {
  if (!canTransform(receiver)) return null;
  const { port, stop } = transform(receiver, 'ask');
  return { ask: () => port.postMessage('ask'), stop };
}
