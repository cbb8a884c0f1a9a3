import { useSyncExternalStore } from 'react';

/** The quietest and loudest guidance, where it starts, and one step between them. */
export const VOLUME = { min: 0.2, max: 1, start: 0.6, step: 0.2 } as const;

let volume: number = VOLUME.start;
const listeners = new Set<() => void>();

function set(next: number): void {
  volume = next;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** One step louder (+1) or quieter (−1), rounded so that steps land exactly on the ends. */
export function stepped(from: number, direction: 1 | -1): number {
  const next = Math.round((from + direction * VOLUME.step) * 10) / 10;
  return Math.min(VOLUME.max, Math.max(VOLUME.min, next));
}

/** Makes guidance a step louder (+1) or quieter (−1). */
export function stepVolume(direction: 1 | -1): void {
  set(stepped(volume, direction));
}

/**
 * Back to the starting volume. Guidance is switched off for every new visitor, and switching it
 * off resets its volume, so no visitor inherits the last one's.
 */
export function resetVolume(): void {
  set(VOLUME.start);
}

/** Guidance's loudness, 0–1, re-rendering when it changes. */
export function useVolume(): number {
  return useSyncExternalStore(subscribe, () => volume);
}
