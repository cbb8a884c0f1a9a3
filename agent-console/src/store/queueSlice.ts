import type { QueueSnapshot } from '@loket/shared';
import type { SliceCreator } from './types';

/** The manager's live queue. */
export interface QueueSlice {
  queue: QueueSnapshot | null;
  /** Server clock minus this browser's clock, so waiting times do not drift with a wrong clock. */
  clockOffset: number;
  /** Takes a newer snapshot; an older one arriving late is ignored. */
  queueChanged(snapshot: QueueSnapshot, receivedAt?: number): void;
}

export const initialQueue = { queue: null, clockOffset: 0 } satisfies Partial<QueueSlice>;

export const createQueueSlice: SliceCreator<QueueSlice> = (set) => ({
  ...initialQueue,
  queueChanged: (snapshot, receivedAt = Date.now()) =>
    set((state) =>
      state.queue && state.queue.at > snapshot.at
        ? {}
        : { queue: snapshot, clockOffset: snapshot.at - receivedAt },
    ),
});
