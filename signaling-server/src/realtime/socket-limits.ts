import { refilled } from '../auth/token-bucket.js';

/** How much one socket may send. */
export interface EventLimits {
  /** Events a socket may send at once, and per second after that. */
  eventBurst: number;
  eventsPerSecond: number;
  /** Bytes (JSON) a socket may send at once, and per second after that. */
  byteBurst: number;
  bytesPerSecond: number;
  /** Refused events after which a socket that keeps sending is disconnected. */
  refusalsBeforeDisconnect: number;
}

/**
 * Chosen from what the apps send: the busiest moment is a peer-to-peer call's set-up, an SDP
 * offer or answer (3–10 KB) and some 10–30 ICE candidates within a second; everything else is a
 * person tapping. Twice that passes untouched; a flood is refused within a second of starting.
 */
export const EVENT_LIMITS: EventLimits = {
  eventBurst: 60,
  eventsPerSecond: 20,
  byteBurst: 256 * 1024,
  bytesPerSecond: 64 * 1024,
  refusalsBeforeDisconnect: 200,
};

/** The largest single message a socket may send, enforced by socket.io before parsing. */
export const MAX_MESSAGE_BYTES = 128 * 1024;

/**
 * One sender's budget: two token buckets, events and bytes, refilled together. One object with
 * the counts, where a bucket each was three: a budget lives as long as its idle kiosk's socket.
 */
interface Budget {
  events: number;
  bytes: number;
  /** When both were last refilled, which is when the sender last sent. */
  at: number;
}

/**
 * The budgets of every sender, kept by who sends (a kiosk, an officer) rather than by socket, so
 * reconnecting does not buy a fresh burst. A budget unused for a minute is full again anyway and
 * is forgotten.
 */
export class EventBudgets {
  private readonly budgets = new Map<string, Budget>();
  private prunedAt: number;

  constructor(
    readonly limits: EventLimits = EVENT_LIMITS,
    readonly clock: () => number = Date.now,
  ) {
    this.prunedAt = clock();
  }

  /**
   * Takes one event, `item` of `size(item)` bytes, from `sender`'s budget; false when it is spent.
   * The size is measured only when the event budget allows one, so a flood's refusals cost next
   * to nothing.
   */
  take<T>(sender: string, item: T, size: (item: T) => number): boolean {
    const now = this.clock();
    this.prune(now);
    const { eventBurst, eventsPerSecond, byteBurst, bytesPerSecond } = this.limits;
    let budget = this.budgets.get(sender);
    if (!budget) {
      budget = { events: eventBurst, bytes: byteBurst, at: now };
      this.budgets.set(sender, budget);
    }
    const elapsed = now - budget.at;
    budget.events = refilled(budget.events, eventBurst, eventsPerSecond, elapsed);
    budget.bytes = refilled(budget.bytes, byteBurst, bytesPerSecond, elapsed);
    budget.at = now;
    if (budget.events < 1) return false;
    budget.events -= 1;
    const bytes = size(item);
    if (budget.bytes < bytes) return false;
    budget.bytes -= bytes;
    return true;
  }

  private prune(now: number): void {
    if (now - this.prunedAt < 60_000) return;
    this.prunedAt = now;
    for (const [sender, budget] of this.budgets) {
      if (now - budget.at > 60_000) this.budgets.delete(sender);
    }
  }
}

/** Bytes as sent: binary attachments (speech audio) by their length, not their JSON form. */
export function sizeOf(packet: unknown[]): number {
  let binary = 0;
  try {
    const json = JSON.stringify(
      packet.filter((part) => typeof part !== 'function'),
      function (this: Record<string, unknown>, key: string, value: unknown) {
        // The holder's own value: a Buffer's toJSON has already turned `value` into numbers.
        const raw = this[key];
        if (!ArrayBuffer.isView(raw)) return value;
        binary += raw.byteLength;
        return 0;
      },
    );
    return Buffer.byteLength(json) + binary;
  } catch {
    return MAX_MESSAGE_BYTES;
  }
}
