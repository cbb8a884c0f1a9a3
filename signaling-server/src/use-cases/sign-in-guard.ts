import { SlidingWindow } from '../auth/sliding-window.js';
import { LoketError } from '../context/errors.js';

/** How many sign-in attempts are let through. */
export interface SignInLimits {
  /** Attempts per client address in any 60 seconds, right or wrong. */
  perAddressPerMinute: number;
  /** Wrong passwords per username in any 15 minutes before that username is locked. */
  failuresPerUser: number;
}

const MINUTE = 60_000;
const USER_WINDOW_MS = 15 * MINUTE;

/**
 * Throttles sign-in by client address and by username at once: an attacker who rotates addresses
 * still meets the username's lock, and a proxy that hides every client behind one address locks
 * that address only after many attempts, never one officer for another's typos.
 */
export class SignInGuard {
  private readonly byAddress: SlidingWindow;
  private readonly byUser: SlidingWindow;
  private lastPrune = 0;

  constructor(limits: SignInLimits) {
    this.byAddress = new SlidingWindow(limits.perAddressPerMinute, MINUTE);
    this.byUser = new SlidingWindow(limits.failuresPerUser, USER_WINDOW_MS);
  }

  /** Counts one attempt; RATE_LIMITED (with when to retry) if the address or username is locked. */
  admit(address: string, username: string, now: number): void {
    this.prune(now);
    const byAddress = this.byAddress.check(address, now);
    if (!byAddress.allowed) {
      throw new LoketError(
        'RATE_LIMITED',
        'too many sign-in attempts from this address',
        byAddress.retryAt,
      );
    }
    this.byAddress.record(address, now);
    const byUser = this.byUser.check(userKey(username), now);
    if (!byUser.allowed) {
      throw new LoketError(
        'RATE_LIMITED',
        'too many wrong passwords for this username',
        byUser.retryAt,
      );
    }
  }

  /** Notes a wrong password; true when this one locked the username. */
  failed(username: string, now: number): boolean {
    this.byUser.record(userKey(username), now);
    return !this.byUser.check(userKey(username), now).allowed;
  }

  /** A right password ends the username's run of wrong ones. */
  succeeded(username: string): void {
    this.byUser.clear(userKey(username));
  }

  /** Forgets quiet keys once a minute, so a spray of made-up usernames does not grow memory. */
  private prune(now: number): void {
    if (now - this.lastPrune < MINUTE) return;
    this.lastPrune = now;
    this.byAddress.prune(now);
    this.byUser.prune(now);
  }
}

const userKey = (username: string) => username.trim().toLowerCase();
