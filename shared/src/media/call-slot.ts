import { IDLE_CALL, type CallController, type CallSnapshot } from './call-controller.js';

/**
 * The one call an app runs at a time, as a single external store for `useSyncExternalStore`:
 * a screen subscribes once and follows each call held in turn; with none held, the snapshot is
 * {@link IDLE_CALL}. `subscribe` and `getSnapshot` may be passed around unbound.
 */
export class CallSlot {
  #controller: CallController | null = null;
  #unsubscribe: () => void = () => undefined;
  readonly #listeners = new Set<() => void>();

  /** The call held, if any. */
  get controller(): CallController | null {
    return this.#controller;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly getSnapshot = (): CallSnapshot => this.#controller?.getSnapshot() ?? IDLE_CALL;

  /** Holds `controller`, leaving the call held before. */
  hold(controller: CallController): void {
    const previous = this.#release();
    this.#controller = controller;
    this.#unsubscribe = controller.subscribe(this.#notify);
    previous?.leave();
    this.#notify();
  }

  /** Leaves the call held, if any; the snapshot is idle again. */
  leave(): void {
    const previous = this.#release();
    if (!previous) return;
    previous.leave();
    this.#notify();
  }

  #release(): CallController | null {
    const previous = this.#controller;
    this.#unsubscribe();
    this.#unsubscribe = () => undefined;
    this.#controller = null;
    return previous;
  }

  readonly #notify = (): void => {
    for (const listener of this.#listeners) listener();
  };
}
