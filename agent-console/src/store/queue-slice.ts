import type { QueueDelta, QueueSnapshot } from '@loket/shared';
import { applyDelta, deltaOutcome, type DeltaOutcome } from '../lib/queue-delta';
import type { SliceCreator } from './types';

/** The manager's live queue. */
export interface QueueSlice {
  queue: QueueSnapshot | null;
  /** Server clock minus this browser's clock, so waiting times do not drift with a wrong clock. */
  clockOffset: number;
  /** Takes a whole snapshot (on first connect, or when the server no longer keeps the deltas). */
  snapshotLoaded(snapshot: QueueSnapshot, receivedAt?: number): void;
  /**
   * Applies the delta if it is the next one; says `stale` for one already applied and `gap` when
   * one is missing (or there is no queue yet), so the caller asks `queue:since`.
   */
  deltaReceived(delta: QueueDelta, receivedAt?: number): DeltaOutcome;
}

export const initialQueue = { queue: null, clockOffset: 0 } satisfies Partial<QueueSlice>;

export const createQueueSlice: SliceCreator<QueueSlice> = (set, get) => ({
  ...initialQueue,
  snapshotLoaded: (snapshot, receivedAt = Date.now()) =>
    set({ queue: snapshot, clockOffset: snapshot.at - receivedAt }),
  deltaReceived: (delta, receivedAt = Date.now()) => {
    const { queue } = get();
    if (!queue) return 'gap';
    const outcome = deltaOutcome(queue.seq, delta.seq);
    if (outcome === 'applied') {
      set({ queue: applyDelta(queue, delta), clockOffset: delta.at - receivedAt });
    }
    return outcome;
  },
});
