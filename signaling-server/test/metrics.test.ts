import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from './harness.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const TOKEN = 'scrape-token-0123456789';

function scrape(authorization?: string) {
  return fetch(`${server!.url}/metrics`, {
    headers: authorization ? { authorization } : {},
  });
}

/** The value of one sample line, e.g. `loket_tickets{office="o",status="waiting"}`. */
function sample(text: string, name: string, labels: Record<string, string>): number | null {
  const inner = Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .join(',');
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${inner}} `));
  return line ? Number(line.split(' ').at(-1)) : null;
}

describe('GET /metrics', () => {
  test('does not exist without a metrics token set', async () => {
    server = await startServer();
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404);
  });

  test('answers only a scraper that sends the token', async () => {
    server = await startServer({ config: { metricsToken: TOKEN } });
    expect((await scrape()).status).toBe(401);
    expect((await scrape('Bearer not-the-token-at-all')).status).toBe(401);
    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await response.text()).toContain('loket_process_cpu_seconds_total');
  });

  test('shows each office’s live queue and officers as the database holds them', async () => {
    server = await startServer({ config: { metricsToken: TOKEN } });
    const office = server.officeId;
    const agent = await server.agent(await server.login('petugas1'));
    await agent.emitWithAck('agent:setStatus', { status: 'away' });
    const kiosk = await server.kiosk();
    const boot = await kiosk.emitWithAck('kiosk:bootstrap', {});
    if (!boot.ok || !boot.data.services[0]) throw new Error('no bootstrap');
    const created = await kiosk.emitWithAck('ticket:create', {
      clientId: randomUUID(),
      serviceId: boot.data.services[0].id,
      language: 'id',
    });
    expect(created.ok).toBe(true);

    const text = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(sample(text, 'loket_tickets', { office, status: 'waiting' })).toBe(1);
    expect(sample(text, 'loket_agents', { office, status: 'away' })).toBe(1);
    expect(sample(text, 'loket_longest_wait_seconds', { office })).toBeGreaterThanOrEqual(0);

    await kiosk.emitWithAck('ticket:cancel', {
      ticketId: created.ok ? created.data.ticket.id : '',
    });
    const after = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(sample(after, 'loket_tickets', { office, status: 'waiting' })).toBeNull();
    expect(sample(after, 'loket_longest_wait_seconds', { office })).toBeNull();
  });
});
