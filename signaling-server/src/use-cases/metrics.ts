import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { ServiceContext } from '../context/context.js';
import { countActiveTickets, countAgents, oldestWaiting } from '../store/repositories/metrics.js';

/** What Prometheus scrapes: the live queue of every office, read on each scrape, and the process. */
export interface Metrics {
  contentType: string;
  render(): Promise<string>;
}

/**
 * The server's metrics in their own registry (several servers may share a process in tests).
 * Queue figures come from the database when scraped, so every instance reports the same truth.
 */
export function createMetrics(ctx: ServiceContext): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'loket_' });
  const byStatus = (name: string, help: string, load: typeof countAgents) =>
    new Gauge({
      name,
      help,
      labelNames: ['office', 'status'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const row of await load(ctx.db)) {
          this.set({ office: row.office_id, status: row.status }, row.count);
        }
      },
    });
  byStatus(
    'loket_tickets',
    'Active tickets by office and status (waiting, offered, in_call).',
    countActiveTickets,
  );
  byStatus('loket_agents', 'Officers by office and status.', countAgents);
  new Gauge({
    name: 'loket_longest_wait_seconds',
    help: 'How long the longest-waiting visitor of each office has waited.',
    labelNames: ['office'],
    registers: [registry],
    async collect() {
      this.reset();
      const now = ctx.clock();
      for (const row of await oldestWaiting(ctx.db)) {
        this.set({ office: row.office_id }, Math.max(0, (now - row.since) / 1000));
      }
    },
  });
  return { contentType: registry.contentType, render: () => registry.metrics() };
}
