/**
 * Encoded transforms on a call's camera, for a call that starts on a connection made while its
 * offer rang. They run in one worker per page, used only once it has said it runs: a transform
 * whose worker never runs would stop the video it stands on. Browsers take a transform when its
 * connection is negotiated, so each is set up with its transceiver.
 */

/** How long a connection made ahead waits for the worker, the first time, before going without. */
const WORKER_WAIT_MS = 1000;

/**
 * A video sender whose encoded frames are held back in the browser until `release`: the encoder
 * starts on the camera before the call, while not one frame reaches the other party.
 */
export interface HeldVideo {
  /** Settles once frames are held: a track put on the sender before may send unheld. */
  readonly holding: Promise<void>;
  /** Lets frames through from the next keyframe (or all of them, if none comes soon). */
  release(): void;
  /** Ends the hold (its connection is closing). */
  stop(): void;
}

/** The receiving side's part: asks for a keyframe from the call's start until a frame comes. */
export interface KeyframeAsker {
  ask(): void;
  stop(): void;
}

let loading: { worker: Worker; runs: boolean; settled: Promise<boolean> } | null = null;

/**
 * Starts the page's worker for encoded transforms, once; settles with whether it runs (false
 * where the browser has none, the script failed, or it did not answer in time).
 */
export function loadEncodedVideo(): Promise<boolean> {
  if (typeof RTCRtpScriptTransform !== 'function' || typeof Worker !== 'function') {
    return Promise.resolve(false);
  }
  if (!loading) {
    const worker = new Worker(new URL('./encoded-video-worker.ts', import.meta.url), {
      type: 'module',
    });
    loading = {
      worker,
      runs: false,
      settled: new Promise<boolean>((resolve) => {
        worker.addEventListener('message', () => resolve((loading!.runs = true)), { once: true });
        worker.addEventListener('error', () => resolve(false), { once: true });
        setTimeout(() => resolve(false), WORKER_WAIT_MS);
      }),
    };
  }
  return loading.settled;
}

function transform(endpoint: RTCRtpSender | RTCRtpReceiver, role: 'hold' | 'ask') {
  if (!loading?.runs || !('transform' in endpoint)) return null;
  const { port1, port2 } = new MessageChannel();
  endpoint.transform = new RTCRtpScriptTransform(loading.worker, { role, port: port2 }, [port2]);
  return port1;
}

/** Holds `sender`'s frames; null unless the worker runs. */
export function holdVideo(sender: RTCRtpSender): HeldVideo | null {
  const port = transform(sender, 'hold');
  if (!port) return null;
  const holding = new Promise<void>((resolve) => {
    port.onmessage = () => resolve();
  });
  return { holding, release: () => port.postMessage('open'), stop: () => port.close() };
}

/** Keyframe asking on `receiver`; null unless the worker runs. */
export function askForKeyframes(receiver: RTCRtpReceiver): KeyframeAsker | null {
  const port = transform(receiver, 'ask');
  if (!port) return null;
  return { ask: () => port.postMessage('ask'), stop: () => port.close() };
}
