import { restRoutes, VisitStatus } from '@loket/shared';
import { afterEach, describe, expect, test } from 'vitest';
import { VISIT_LINK_TTL_MS } from '../src/use-cases/visit.js';
import { eventWhere, startServer, type KioskSocket, type TestServer } from './harness.js';
import { officeOnBreak } from './support/office-on-break.js';

let server: TestServer;
afterEach(() => server.close());

async function setUp() {
  server = await startServer();
  const office = await officeOnBreak(server);
  const second = await server.kiosk(await server.enrolKiosk());
  return { first: office.kiosk, second, take: (at: KioskSocket) => office.take(at, 'en') };
}

async function post(path: string, body: unknown) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify(body),
  });
}

async function statusOf(token: string | null) {
  const response = await post(restRoutes.visitStatus.path, { token });
  return { code: response.status, body: await response.json() };
}

describe('following a visit from a phone', () => {
  test('a phone link shows the ticket’s place and asks the visitor back once they are next', async () => {
    const { first, second, take } = await setUp();
    const ahead = await take(first);
    const mine = await take(second);
    expect(mine.visitToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mine.visitToken).not.toBe(ahead.visitToken);

    const waiting = await statusOf(mine.visitToken);
    expect(waiting.code).toBe(200);
    expect(VisitStatus.parse(waiting.body)).toMatchObject({
      number: mine.number,
      language: 'en',
      position: 2,
      returnNow: false,
    });
    expect(waiting.body.kioskName).toMatch(/^kiosk /);

    await first.emitWithAck('ticket:cancel', { ticketId: ahead.id });
    expect((await statusOf(mine.visitToken)).body).toMatchObject({ position: 1, returnNow: true });
  });

  test('the visitor gives up their ticket from the phone: the kiosk is told, and the link stops working', async () => {
    const { first, take } = await setUp();
    const ticket = await take(first);
    const told = eventWhere(first, 'ticket:updated', (t) => t.status === 'cancelled');
    const cancel = await post(restRoutes.cancelVisit.path, { token: ticket.visitToken });
    expect(cancel.status).toBe(204);
    expect(await told).toMatchObject({ id: ticket.id });
    expect(await statusOf(ticket.visitToken)).toMatchObject({
      code: 404,
      body: { error: { code: 'NOT_FOUND' } },
    });
    const audit = await server.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'ticket.cancelled')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details ?? '{}')).toEqual({ via: 'visit_link' });
  });

  test('a link stops working when the visit ends at the kiosk', async () => {
    const { first, take } = await setUp();
    const ticket = await take(first);
    await first.emitWithAck('ticket:cancel', { ticketId: ticket.id });
    expect((await statusOf(ticket.visitToken)).code).toBe(404);
  });

  test('a link older than its lifetime stops working even while the ticket waits', async () => {
    const { first, take } = await setUp();
    const ticket = await take(first);
    await server.db
      .updateTable('tickets')
      .set({ created_at: Date.now() - VISIT_LINK_TTL_MS - 1000 })
      .where('id', '=', ticket.id)
      .execute();
    expect((await statusOf(ticket.visitToken)).code).toBe(404);
  });

  test.each([
    { name: 'no token', token: null, code: 400 },
    { name: 'a token of the wrong shape', token: 'abc', code: 400 },
    { name: 'a token nobody was given', token: 'x'.repeat(43), code: 404 },
  ])('a request with $name is refused', async ({ token, code }) => {
    await setUp();
    expect((await statusOf(token)).code).toBe(code);
    expect((await post(restRoutes.cancelVisit.path, { token })).status).toBe(code);
  });
});
