import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import { nextEvent, startServer, type TestServer } from './harness.js';
import { callInProgress, offeredTicket } from './support/calls.js';

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

async function scraped(): Promise<string> {
  const response = await scrape(`Bearer ${TOKEN}`);
  expect(response.status).toBe(200);
  return response.text();
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

  test('counts a visitor’s wait, the offer’s answer and the call from start to end', async () => {
    server = await startServer({ config: { metricsToken: TOKEN } });
    const office = server.officeId;
    const { kiosk, agent, ticket, callId } = await callInProgress(server);
    const service = ticket.serviceId;
    const during = await scraped();
    expect(sample(during, 'loket_offers_total', { office, service, outcome: 'accepted' })).toBe(1);
    expect(sample(during, 'loket_waiting_time_seconds_count', { office, service })).toBe(1);
    expect(
      sample(during, 'loket_waiting_time_seconds_bucket', { le: '+Inf', office, service }),
    ).toBe(1);
    expect(
      sample(during, 'loket_offer_answer_seconds_count', { office, outcome: 'accepted' }),
    ).toBe(1);
    expect(sample(during, 'loket_calls_started_total', { office, transport: 'p2p' })).toBe(1);
    expect(
      sample(during, 'loket_calls_ended_total', {
        office,
        transport: 'p2p',
        reason: 'ended_by_agent',
      }),
    ).toBeNull();
    expect(sample(during, 'loket_sockets', { namespace: 'kiosk' })).toBe(1);
    expect(sample(during, 'loket_sockets', { namespace: 'agent' })).toBe(1);
    expect(sample(during, 'loket_sockets', { namespace: 'manager' })).toBe(0);

    const told = nextEvent(kiosk, 'call:ended');
    expect((await agent.emitWithAck('call:end', { callId })).ok).toBe(true);
    await told;
    const after = await scraped();
    const ended = { office, transport: 'p2p', reason: 'ended_by_agent' };
    expect(sample(after, 'loket_calls_ended_total', ended)).toBe(1);
    expect(sample(after, 'loket_call_duration_seconds_count', { office, transport: 'p2p' })).toBe(
      1,
    );
    expect(sample(after, 'loket_db_query_seconds_count', { kind: 'select' })).toBeGreaterThan(0);
    expect(sample(after, 'loket_db_query_seconds_count', { kind: 'update' })).toBeGreaterThan(0);
    expect(sample(after, 'loket_db_query_seconds_count', { kind: 'insert' })).toBeGreaterThan(0);
    expect(after).toMatch(/^loket_nodejs_eventloop_lag_p99_seconds \d/m);
  });

  test('counts an offer turned down and one that rang out, by outcome', async () => {
    server = await startServer({ config: { metricsToken: TOKEN }, offerTimeoutMs: 300 });
    const office = server.officeId;
    const { agent, ticket, ticketId } = await offeredTicket(server);
    const service = ticket.serviceId;
    const again = nextEvent(agent, 'offer:new');
    expect((await agent.emitWithAck('offer:decline', { ticketId })).ok).toBe(true);
    const withdrawn = nextEvent(agent, 'offer:withdrawn');
    await again;
    expect((await withdrawn).reason).toBe('expired');

    const text = await scraped();
    expect(sample(text, 'loket_offers_total', { office, service, outcome: 'declined' })).toBe(1);
    expect(sample(text, 'loket_offers_total', { office, service, outcome: 'expired' })).toBe(1);
    expect(sample(text, 'loket_offers_total', { office, service, outcome: 'accepted' })).toBeNull();
    expect(sample(text, 'loket_waiting_time_seconds_count', { office, service })).toBeNull();
  });

  test('counts an offer withdrawn because the visitor left while it rang', async () => {
    server = await startServer({ config: { metricsToken: TOKEN } });
    const office = server.officeId;
    const { kiosk, agent, ticket, ticketId } = await offeredTicket(server);
    const withdrawn = nextEvent(agent, 'offer:withdrawn');
    expect((await kiosk.emitWithAck('ticket:cancel', { ticketId })).ok).toBe(true);
    expect((await withdrawn).reason).toBe('cancelled');

    const text = await scraped();
    const service = ticket.serviceId;
    expect(sample(text, 'loket_offers_total', { office, service, outcome: 'withdrawn' })).toBe(1);
    expect(sample(text, 'loket_offer_answer_seconds_count', { office, outcome: 'withdrawn' })).toBe(
      1,
    );
    expect(sample(text, 'loket_calls_started_total', { office, transport: 'p2p' })).toBeNull();
  });
});
