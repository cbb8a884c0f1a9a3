/** An id for this side's session, random enough to tell a rejoined party from the old one. */
export function newSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** How a signal's sender relates to the other party's session this side talks to. */
export type PeerSessionVerdict =
  /** The session this side talks to, its first signal, or one that names no session. */
  | 'current'
  /** A session that has since been replaced: a late signal, to drop. */
  | 'stale'
  /** A new session replaced the current one: the other party reloaded, so start over. */
  | 'replaced';

/**
 * The other party's sessions of one call: the current one and those it replaced. A party whose
 * page was reloaded mid-call comes back with a new session; its old connection is gone for good.
 */
export class PeerSessions {
  #current: string | null = null;
  readonly #past = new Set<string>();

  /** Tells what a signal from session `from` means, taking a new session as the current one. */
  admit(from: string | undefined): PeerSessionVerdict {
    if (!from || from === this.#current) return 'current';
    if (this.#past.has(from)) return 'stale';
    const previous = this.#current;
    this.#current = from;
    if (!previous) return 'current';
    this.#past.add(previous);
    return 'replaced';
  }
}
