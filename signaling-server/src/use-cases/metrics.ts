import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Clock } from '../clock.js';
import type { Telemetry } from '../context/telemetry.js';
import type { Db } from '../store/database.js';
import type { QueryKind } from '../store/query-timing.js';
import { countActiveTickets, countAgents, oldestWaiting } from '../store/repositories/metrics.js';
import { activityMetrics } from './activity-metrics.js';

/** What the metrics read when scraped: the store, the time, and the open sockets. */
export interface MetricsSources {
  db: Db;
  clock: Clock;
  /** Sockets open on this instance now, by namespace (`kiosk`, `agent`, `manager`). */
  sockets(): Record<string, number>;
}

/** What Prometheus scrapes, and what fills it. */
export interface Metrics {
  contentType: string;
  render(): Promise<string>;
  /** Counts offers, answers and calls as use cases commit. */
  telemetry: Telemetry;
  /** Told how long each database statement took. */
  queryTimed(kind: QueryKind, seconds: number): void;
}

/**
 * The server's metrics in their own registry (several servers may share a process in tests).
 * Queue figures come from the database when scraped, so every instance reports the same truth;
 * sockets, event-loop lag and database latency are this instance's own.
 */
export function createMetrics({ db, clock, sockets }: MetricsSources): Metrics {
  const registry = new Registry();
  // Includes the event-loop lag (mean, p50, p90, p99) from perf_hooks' monitorEventLoopDelay.
  collectDefaultMetrics({ register: registry, prefix: 'loket_' });
  const byStatus = (name: string, help: string, load: typeof countAgents) =>
    new Gauge({
      name,
      help,
      labelNames: ['office', 'status'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const row of await load(db)) {
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
      const now = clock();
      for (const row of await oldestWaiting(db)) {
        this.set({ office: row.office_id }, Math.max(0, (now - row.since) / 1000));
      }
    },
  });
  new Gauge({
    name: 'loket_sockets',
    help: 'Sockets open on this server instance, by namespace.',
    labelNames: ['namespace'],
    registers: [registry],
    collect() {
      for (const [namespace, count] of Object.entries(sockets())) this.set({ namespace }, count);
    },
  });
  const queries = new Histogram({
    name: 'loket_db_query_seconds',
    help: 'How long database statements took on their connection, by kind.',
    labelNames: ['kind'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });
  return {
    contentType: registry.contentType,
    render: () => registry.metrics(),
    telemetry: activityMetrics(registry),
    queryTimed: (kind, seconds) => queries.observe({ kind }, seconds),
  };
}
