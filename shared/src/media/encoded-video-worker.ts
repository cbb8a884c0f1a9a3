// Runs the encoded transforms of a call's camera (see encoded-video.ts); says once that it runs. On the sender, a hold:
// frames go through a gate that opens on the port's first message. On the receiver, keyframe
// asking: the port's first message starts it, the first frame that comes ends it.
import { frameGate } from './frame-gate.js';
import { KeyframeAsking } from './keyframe-asking.js';

/** How long an opened hold waits for a keyframe before letting every frame through. */
const KEYFRAME_WAIT_MS = 100;

interface EncodedTransformer {
  readable: ReadableStream<{ type?: string }>;
  writable: WritableStream<unknown>;
  options: { role: 'hold' | 'ask'; port: MessagePort };
  sendKeyFrameRequest?: () => Promise<void>;
}

function hold({ readable, writable, options: { port } }: EncodedTransformer): void {
  const gate = frameGate<{ type?: string }>((frame) => frame.type === 'key');
  port.onmessage = () => {
    gate.open();
    // A receiver that does not ask gets every frame soon, and asks by itself.
    setTimeout(() => gate.openFully(), KEYFRAME_WAIT_MS);
  };
  void readable.pipeThrough(gate.frames).pipeTo(writable);
  port.postMessage('holding');
}

function ask(transformer: EncodedTransformer): void {
  const asking = new KeyframeAsking(() => {
    transformer.sendKeyFrameRequest?.().catch(() => undefined);
  });
  transformer.options.port.onmessage = () => asking.start();
  void transformer.readable
    .pipeThrough(
      new TransformStream({
        transform(frame, controller) {
          asking.frameArrived();
          controller.enqueue(frame);
        },
      }),
    )
    .pipeTo(transformer.writable);
}

addEventListener('rtctransform', (event) => {
  const { transformer } = event as Event & { transformer: EncodedTransformer };
  if (transformer.options.role === 'hold') hold(transformer);
  else ask(transformer);
});

postMessage('running');
