import { afterEach, expect, test, vi } from 'vitest';
import {
  nextEvent,
  startServer,
  takeTicket,
  type KioskSocket,
  type TestServer,
} from './harness.js';

// A kiosk's bootstrap answer must never be older than an event the kiosk heard before it: an
// event that crossed the read (another instance's commit, say) reaches the kiosk first, and the
// older answer arriving after it would put back a ticket the kiosk heard closed.
let server: TestServer;
afterEach(() => server.close());

/** A kiosk holding a waiting ticket: its officer signed in and on a break, so nobody is offered it. */
async function kioskWaiting() {
  server = await startServer();
  const agent = await server.agent(await server.login('petugas1'));
  await agent.emitWithAck('agent:setStatus', { status: 'away' });
  const kiosk = await server.kiosk();
  // A new ticket's place is told once, after the create answers: heard, nothing more is on its way.
  const told = nextEvent(kiosk, 'ticket:updated', 10_000);
  const ticket = await takeTicket(kiosk);
  expect(ticket.status).toBe('waiting');
  expect(await told).toMatchObject({ id: ticket.id, status: 'waiting' });
  return { kiosk, ticketId: ticket.id };
}

/** Everything the kiosk hears about its ticket, and its bootstrap's answer, in the order heard. */
function listen(kiosk: KioskSocket) {
  const heard: string[] = [];
  kiosk.on('ticket:updated', (ticket) => heard.push(`ticket:updated ${ticket.status}`));
  return heard;
}

test('a bootstrap whose read an event about the ticket crossed is read again: the ticket heard closed stays closed', async () => {
  const { kiosk, ticketId } = await kioskWaiting();
  const heard = listen(kiosk);
  // The read holds its answer until the kiosk has heard its ticket cancelled.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const line = server.app.ctx.line;
  const aheadAt = line.aheadAt.bind(line);
  const spy = vi.spyOn(line, 'aheadAt').mockImplementationOnce(async (...args) => {
    const ahead = await aheadAt(...args);
    await held;
    return ahead;
  });

  const answer = kiosk.emitWithAck('kiosk:bootstrap', {}).then((boot) => {
    heard.push('bootstrap answer');
    return boot;
  });
  await expect.poll(() => spy.mock.calls.length).toBe(1);
  // A desk manager cancels it, as another instance's commit would close it, and the kiosk is told.
  const manager = await server.manager(await server.login('koordinator'));
  expect(
    await manager.emitWithAck('ticket:cancel', { ticketId, reason: 'visitor left the lobby' }),
  ).toMatchObject({ ok: true });
  await expect.poll(() => heard).toContain('ticket:updated cancelled');
  release();

  const first = await answer;
  if (!first.ok) throw new Error(first.error.code);
  expect(heard).toEqual(['ticket:updated cancelled', 'bootstrap answer']);
  expect(first.data.ticket).toBeNull();
});

test('a bootstrap that nothing crossed is read once, the first after connecting included', async () => {
  const { kiosk } = await kioskWaiting();
  kiosk.close();
  const spy = vi.spyOn(server.app.ctx.line, 'aheadAt');
  const again = await server.kiosk();
  const first = await again.emitWithAck('kiosk:bootstrap', {});
  const later = await again.emitWithAck('kiosk:bootstrap', {});
  expect(first.ok && first.data.ticket?.status).toBe('waiting');
  expect(later.ok && later.data.ticket?.status).toBe('waiting');
  expect(spy).toHaveBeenCalledTimes(2);
});
