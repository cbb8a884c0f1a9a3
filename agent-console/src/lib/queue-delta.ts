import type { QueueDelta, QueueSnapshot } from '@loket/shared';

/** What a delta means for the queue we hold: next in line, already seen, or one came missing. */
export type DeltaOutcome = 'applied' | 'stale' | 'gap';

/** Whether the delta numbered `deltaSeq` follows the queue numbered `currentSeq`. */
export function deltaOutcome(currentSeq: number, deltaSeq: number): DeltaOutcome {
  if (deltaSeq <= currentSeq) return 'stale';
  return deltaSeq === currentSeq + 1 ? 'applied' : 'gap';
}

function upsert<T extends { id: string }>(items: readonly T[], changed: readonly T[]): T[] {
  const byId = new Map(changed.map((item) => [item.id, item]));
  const kept = items.map((item) => byId.get(item.id) ?? item);
  const known = new Set(items.map((item) => item.id));
  return [...kept, ...changed.filter((item) => !known.has(item.id))];
}

/** The queue after one delta: tickets and agents upserted, removed tickets dropped, new figures. */
export function applyDelta(queue: QueueSnapshot, delta: QueueDelta): QueueSnapshot {
  const removed = new Set(delta.removedTicketIds);
  return {
    at: delta.at,
    seq: delta.seq,
    tickets: upsert(queue.tickets, delta.tickets).filter((ticket) => !removed.has(ticket.id)),
    agents: upsert(queue.agents, delta.agents),
    counters: delta.counters,
  };
}
