/** Milliseconds since the epoch; injected so the core and the tests control time. */
export type Clock = () => number;

/** The wall clock. */
export const systemClock: Clock = () => Date.now();
