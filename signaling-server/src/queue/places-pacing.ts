/** The least time between two tellings of an office's places. */
export const PLACES_EVERY_MS = 250;

/** How many kiosks of an office are told their places a second, at most, however long its line. */
export const PLACES_TOLD_PER_S = 200;

/**
 * How long after a telling of an office's places the next may begin, given how many kiosks that
 * telling told. Every visitor served moves everyone behind, so a line of hundreds told four times
 * a second cost the server more the longer the line grew, which is when it was busiest: past
 * capacity, that cost took the time the visitors being served needed, and the line grew further.
 * Spaced by what the last telling told, an office's tellings cost at most `PLACES_TOLD_PER_S`
 * kiosks' worth a second; a visitor in a line of 300 is told a new place every 1.5 s.
 */
export function placesSpacingMs(lastTold: number): number {
  return Math.max(PLACES_EVERY_MS, (lastTold * 1000) / PLACES_TOLD_PER_S);
}
