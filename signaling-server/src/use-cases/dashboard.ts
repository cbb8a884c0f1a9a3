import type { QueueCatchUp, QueueDelta, QueueSnapshot } from '@loket/shared';
import type { ServiceContext } from '../context/context.js';
import { QueueFeed } from '../read-models/queue-feed.js';
import { queueSnapshot } from '../read-models/snapshot.js';

/** What a dashboard that opens gets, and what those already open get because of it. */
export interface DashboardOpened {
  snapshot: QueueSnapshot;
  /** The change since what the office's open dashboards last had, if any. */
  delta: QueueDelta | null;
}

/**
 * The managers' live queue of each office: a numbered snapshot when a dashboard opens, then
 * numbered deltas, and what a reconnecting dashboard missed.
 *
 * In a cluster each instance feeds the dashboards connected to it, numbering from its own `base`
 * (far apart for any two instances): a dashboard that reconnects to another instance asks with a
 * number outside that instance's range and is sent a fresh snapshot, never deltas that do not
 * follow on from what it holds.
 */
export class Dashboards {
  readonly #feed = new QueueFeed();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly base = 0,
  ) {}

  /**
   * The feed only follows an office while a dashboard watches it, so what it last saw may be
   * old: a fresh snapshot is recorded first, and the dashboard gets the feed's newest, so later
   * deltas follow on from exactly what it holds. Dashboards already open get the difference.
   */
  async open(officeId: string): Promise<DashboardOpened> {
    const current = await queueSnapshot(this.ctx, officeId);
    const delta = this.#feed.next(officeId, current);
    const snapshot = this.#feed.latest(officeId) ?? { ...current, seq: this.#feed.seq(officeId) };
    return { snapshot: { ...snapshot, seq: snapshot.seq + this.base }, delta: this.#out(delta) };
  }

  #out(delta: QueueDelta | null): QueueDelta | null {
    return delta && { ...delta, seq: delta.seq + this.base };
  }

  /** What a dashboard at `seq` missed, or null when it is older than what is kept. */
  missed(officeId: string, seq: number): QueueCatchUp | null {
    if (seq < this.base) return null;
    const missed = this.#feed.since(officeId, seq - this.base);
    if (missed?.kind !== 'deltas') return missed;
    return {
      kind: 'deltas',
      deltas: missed.deltas.map((delta) => ({ ...delta, seq: delta.seq + this.base })),
    };
  }

  /** The office's queue changed: the delta for its open dashboards, or null if none shows. */
  async changed(officeId: string): Promise<QueueDelta | null> {
    return this.#out(this.#feed.next(officeId, await queueSnapshot(this.ctx, officeId)));
  }
}
