import type { QueueCatchUp, QueueDelta, QueueSnapshot } from '@loket/shared';

/** Deltas kept per office for dashboards that reconnect; older gaps get a fresh snapshot. */
const KEPT_DELTAS = 200;

type Snapshot = Omit<QueueSnapshot, 'seq'>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Turns successive snapshots of each office's queue into numbered deltas, and answers a
 * reconnecting dashboard with what it missed.
 */
export class QueueFeed {
  readonly #offices = new Map<string, { seq: number; last: Snapshot; deltas: QueueDelta[] }>();

  /** The sequence number an office's dashboard is at now. */
  seq(officeId: string): number {
    return this.#offices.get(officeId)?.seq ?? 0;
  }

  /** The newest snapshot recorded for an office, numbered; null before the first. */
  latest(officeId: string): QueueSnapshot | null {
    const office = this.#offices.get(officeId);
    return office && office.seq > 0 ? { ...office.last, seq: office.seq } : null;
  }

  /**
   * Records a new snapshot; returns the delta to send, or null when nothing changed. Snapshots
   * are read concurrently, so one taken before the newest recorded is stale and ignored.
   */
  next(officeId: string, snapshot: Snapshot): QueueDelta | null {
    const office = this.#offices.get(officeId);
    if (office && office.seq > 0 && snapshot.at < office.last.at) return null;
    if (!office) {
      // First sight of the office: everything in it is news.
      const empty = { ...snapshot, tickets: [], agents: [] };
      this.#offices.set(officeId, { seq: 0, last: empty, deltas: [] });
      return this.next(officeId, snapshot);
    }
    const before = new Map(office.last.tickets.map((t) => [t.id, t]));
    const agentsBefore = new Map(office.last.agents.map((a) => [a.id, a]));
    const now = new Set(snapshot.tickets.map((t) => t.id));
    const delta: QueueDelta = {
      seq: office.seq + 1,
      at: snapshot.at,
      tickets: snapshot.tickets.filter((t) => !same(before.get(t.id), t)),
      removedTicketIds: [...before.keys()].filter((id) => !now.has(id)),
      agents: snapshot.agents.filter((a) => !same(agentsBefore.get(a.id), a)),
      counters: snapshot.counters,
    };
    office.last = snapshot;
    const changed =
      delta.tickets.length ||
      delta.removedTicketIds.length ||
      delta.agents.length ||
      !same(delta.counters, office.deltas.at(-1)?.counters);
    if (!changed && office.seq > 0) return null;
    office.seq = delta.seq;
    office.deltas.push(delta);
    if (office.deltas.length > KEPT_DELTAS) office.deltas.shift();
    return delta;
  }

  /** What a dashboard at `seq` missed, or null when the gap is older than what is kept. */
  since(officeId: string, seq: number): QueueCatchUp | null {
    const office = this.#offices.get(officeId);
    if (!office) return seq === 0 ? { kind: 'deltas', deltas: [] } : null;
    if (seq > office.seq) return null;
    const missed = office.deltas.filter((d) => d.seq > seq);
    const oldest = office.deltas[0]?.seq ?? office.seq + 1;
    if (seq + 1 < oldest && missed.length < office.seq - seq) return null;
    return { kind: 'deltas', deltas: missed };
  }
}
