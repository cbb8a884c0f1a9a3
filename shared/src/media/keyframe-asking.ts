/** How often the receiving side asks again while no frame has come. */
export const ASK_EVERY_MS = 20;
/** Asks stop after this many, whatever came: the sender's own recovery takes over. */
export const MOST_ASKS = 25;

/**
 * The receiving side of a call that starts on a connection made ahead: it asks the sender for a
 * keyframe now and again every `ASK_EVERY_MS` until a frame comes, so the first frame let
 * through is one it can show at once, instead of undecodable ones followed by a slower
 * request of its own.
 */
export class KeyframeAsking {
  #asks = 0;
  #arrived = false;
  #timer: ReturnType<typeof setTimeout> | null = null;

  readonly #request: () => void;

  constructor(request: () => void) {
    this.#request = request;
  }

  start(): void {
    if (this.#arrived || this.#asks > 0) return;
    this.#ask();
  }

  frameArrived(): void {
    this.#arrived = true;
    this.stop();
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #ask(): void {
    this.#timer = null;
    if (this.#arrived || this.#asks >= MOST_ASKS) return;
    this.#asks += 1;
    this.#request();
    this.#timer = setTimeout(() => this.#ask(), ASK_EVERY_MS);
  }
}
