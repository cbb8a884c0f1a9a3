import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from './harness.js';

const DASHBOARD = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../ops/grafana/loket.json',
);
const TOKEN = 'scrape-token-0123456789';
const SERIES_SUFFIXES: Record<string, string[]> = {
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['_sum', '_count'],
};

/** Every PromQL query of the dashboard: its panels' targets and its variables' queries. */
function queriesOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(queriesOf);
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    (key === 'expr' || key === 'definition') && typeof value === 'string'
      ? [value]
      : queriesOf(value),
  );
}

/** The series names a scrape can show: each metric's `# TYPE` line, with a histogram's parts. */
function seriesNames(exposition: string): Set<string> {
  const names = new Set<string>();
  for (const [, name, type] of exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    if (!name || !type) continue;
    names.add(name);
    for (const suffix of SERIES_SUFFIXES[type] ?? []) names.add(`${name}${suffix}`);
  }
  return names;
}

describe('the Grafana dashboard in ops/grafana', () => {
  let server: TestServer;
  let exposed: Set<string>;
  beforeAll(async () => {
    server = await startServer({ config: { metricsToken: TOKEN } });
    const response = await fetch(`${server.url}/metrics`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    exposed = seriesNames(await response.text());
  });
  afterAll(() => server.close());

  const dashboard: unknown = JSON.parse(readFileSync(DASHBOARD, 'utf8'));
  const queries = queriesOf(dashboard);

  test('queries the queue, waits, offers, calls, sockets, event-loop lag and database latency', () => {
    const queried = new Set(queries.flatMap((query) => query.match(/\bloket_\w+/g) ?? []));
    expect([...queried]).toEqual(
      expect.arrayContaining([
        'loket_tickets',
        'loket_longest_wait_seconds',
        'loket_waiting_time_seconds_bucket',
        'loket_offers_total',
        'loket_calls_started_total',
        'loket_sockets',
        'loket_nodejs_eventloop_lag_p99_seconds',
        'loket_db_query_seconds_bucket',
      ]),
    );
  });

  test.each(queries.map((query) => ({ query })))(
    'queries only metrics the server exposes: $query',
    ({ query }) => {
      const missing = (query.match(/\bloket_\w+/g) ?? []).filter((name) => !exposed.has(name));
      expect(missing).toEqual([]);
    },
  );
});
