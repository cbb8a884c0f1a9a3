/**
 * A gate on a sender's encoded frames. Shut, it drops every frame where it was encoded, so
 * nothing leaves the browser. Opened, it lets frames through from the next keyframe, the first
 * frame the other side can show; opened fully, it lets every frame through.
 */
export interface FrameGate<T> {
  readonly frames: TransformStream<T, T>;
  open(): void;
  openFully(): void;
}

export function frameGate<T>(isKeyframe: (frame: T) => boolean): FrameGate<T> {
  let state: 'shut' | 'awaiting keyframe' | 'open' = 'shut';
  return {
    frames: new TransformStream<T, T>({
      transform(frame, controller) {
        if (state === 'awaiting keyframe' && isKeyframe(frame)) state = 'open';
        if (state === 'open') controller.enqueue(frame);
      },
    }),
    open() {
      if (state === 'shut') state = 'awaiting keyframe';
    },
    openFully() {
      state = 'open';
    },
  };
}
