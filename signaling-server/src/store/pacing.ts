/**
 * How far apart the statements of one kind of grouped read or write start. A group starts at the
 * end of the turn it was first asked for in a quiet spell, so a lone caller waits for nothing;
 * under a burst (every kiosk of an office coming back after a restart) it starts `spacingMs`
 * after the one before began, and everything asked for meanwhile goes with it. A statement per
 * few callers cost PostgreSQL's driver more of the server's one thread than the statements' work.
 */
export interface Pacing {
  /** 0 (the default): each group starts at the end of its first caller's turn. */
  spacingMs?: number;
}

/** Runs `start` at the end of this turn, or once `spacingMs` have passed since `lastStartMs`. */
export function startPaced(lastStartMs: number, spacingMs: number, start: () => void): void {
  const wait = lastStartMs + spacingMs - performance.now();
  if (wait > 0) setTimeout(start, wait);
  else setImmediate(start);
}
