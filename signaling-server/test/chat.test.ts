import { randomUUID } from 'node:crypto';
import { CHAT_BURST, CHAT_MAX_LENGTH, restRoutes } from '@loket/shared';
import { afterEach, describe, expect, test } from 'vitest';
import { applyRetention } from '../src/scheduling/retention-job.js';
import { eventWhere, nextEvent, startServer, type TestServer } from './harness.js';
import { callInProgress, offeredTicket } from './support/calls.js';
import { officeOnBreak } from './support/office-on-break.js';

const DAY = 24 * 60 * 60 * 1000;

let server: TestServer;
afterEach(() => server.close());

const stored = () => server.db.selectFrom('chat_messages').selectAll().execute();
const message = (ticketId: string, text: string) => ({ ticketId, clientId: randomUUID(), text });

describe('the conversation between a visitor and their officer', () => {
  test('opens with the offer: the officer’s greeting reaches the kiosk, and the visitor’s answer the officer', async () => {
    server = await startServer();
    const { kiosk, agent, ticketId } = await offeredTicket(server);

    const heardByKiosk = nextEvent(kiosk, 'chat:message');
    const sent = await agent.emitWithAck('chat:send', message(ticketId, 'Halo, Anda berikutnya.'));
    expect(sent).toMatchObject({ ok: true, data: { from: 'agent', readAt: null } });
    expect(await heardByKiosk).toMatchObject({ text: 'Halo, Anda berikutnya.', from: 'agent' });

    const heardByAgent = eventWhere(agent, 'chat:message', (m) => m.from === 'kiosk');
    await kiosk.emitWithAck('chat:send', message(ticketId, 'Saya tuli'));
    expect(await heardByAgent).toMatchObject({ text: 'Saya tuli', ticketId });
    expect((await stored()).map((row) => [row.author, row.text])).toEqual([
      ['agent', 'Halo, Anda berikutnya.'],
      ['kiosk', 'Saya tuli'],
    ]);
  });

  test('goes on in the call; a read receipt reaches the writer and the history shows it read', async () => {
    server = await startServer();
    const { kiosk, agent, ticketId } = await callInProgress(server);
    const sent = await kiosk.emitWithAck('chat:send', message(ticketId, 'Mohon ulangi'));
    if (!sent.ok) throw new Error(sent.error.code);

    const receipt = nextEvent(kiosk, 'chat:read');
    expect(await agent.emitWithAck('chat:read', { ticketId, ids: [sent.data.id] })).toEqual({
      ok: true,
      data: null,
    });
    expect(await receipt).toMatchObject({ ticketId, ids: [sent.data.id] });
    const history = await kiosk.emitWithAck('chat:history', { ticketId });
    expect(history.ok && history.data.messages.map((m) => m.readAt !== null)).toEqual([true]);
  });

  test('typing is told to the other side only, and never stored', async () => {
    server = await startServer();
    const { kiosk, agent, ticketId } = await callInProgress(server);
    const typing = nextEvent(agent, 'chat:typing');
    await kiosk.emitWithAck('chat:typing', { ticketId, typing: true });
    expect(await typing).toEqual({ ticketId, typing: true });
    expect(await stored()).toEqual([]);
  });

  test('a retried send with the same id is stored once', async () => {
    server = await startServer();
    const { kiosk, ticketId } = await callInProgress(server);
    const once = message(ticketId, 'Tolong ketik');
    const first = await kiosk.emitWithAck('chat:send', once);
    const again = await kiosk.emitWithAck('chat:send', once);
    expect(first.ok && again.ok && again.data.id === first.data.id).toBe(true);
    expect(await stored()).toHaveLength(1);
  });

  test('HTML is kept as the text it is, for screens to show as text', async () => {
    server = await startServer();
    const { kiosk, agent, ticketId } = await callInProgress(server);
    const heard = eventWhere(agent, 'chat:message', (m) => m.from === 'kiosk');
    await kiosk.emitWithAck('chat:send', message(ticketId, '<script>alert(1)</script>'));
    expect((await heard).text).toBe('<script>alert(1)</script>');
  });
});

describe('chat refusals store nothing', () => {
  test.each([
    { name: 'an empty message', text: '' },
    { name: 'a message of spaces', text: '   ' },
    { name: 'a message over the longest', text: 'a'.repeat(CHAT_MAX_LENGTH + 1) },
  ])('$name is BAD_REQUEST', async ({ text }) => {
    server = await startServer();
    const { kiosk, ticketId } = await callInProgress(server);
    const refused = await kiosk.emitWithAck('chat:send', message(ticketId, text));
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await stored()).toEqual([]);
  });

  test('more messages a second than anyone types is RATE_LIMITED', async () => {
    server = await startServer();
    const { kiosk, ticketId } = await callInProgress(server);
    const answers = await Promise.all(
      Array.from({ length: CHAT_BURST + 3 }, (_, i) =>
        kiosk.emitWithAck('chat:send', message(ticketId, `pesan ${i}`)),
      ),
    );
    const codes = answers.map((a) => (a.ok ? 'ok' : a.error.code));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(CHAT_BURST);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(3);
    expect(await stored()).toHaveLength(CHAT_BURST);
  });

  test('a message to a call that has ended is NOT_IN_CALL, from either side', async () => {
    server = await startServer();
    const { kiosk, agent, ticketId, callId } = await callInProgress(server);
    await agent.emitWithAck('call:end', { callId });
    for (const side of [kiosk, agent] as const) {
      const refused = await (side as typeof kiosk).emitWithAck(
        'chat:send',
        message(ticketId, 'Halo?'),
      );
      expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_IN_CALL' } });
    }
    expect(await stored()).toEqual([]);
  });

  test('a message about a ticket still waiting for an officer is NOT_IN_CALL', async () => {
    server = await startServer();
    const { kiosk, take } = await officeOnBreak(server);
    const ticket = await take();
    const refused = await kiosk.emitWithAck('chat:send', message(ticket.id, 'Halo'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_IN_CALL' } });
    expect(await stored()).toEqual([]);
  });

  test('an officer the ticket was not offered to, or another kiosk, is FORBIDDEN', async () => {
    server = await startServer();
    const { ticketId } = await offeredTicket(server);
    const otherAgent = await server.agent(await server.login('petugas2'));
    const otherKiosk = await server.kiosk(await server.enrolKiosk());
    for (const side of [otherAgent, otherKiosk] as const) {
      const refused = await (side as typeof otherKiosk).emitWithAck(
        'chat:send',
        message(ticketId, 'Halo'),
      );
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const reading = await otherAgent.emitWithAck('chat:history', { ticketId });
    expect(reading).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await stored()).toEqual([]);
  });
});

describe('quick replies and retention', () => {
  test('a manager edits the office’s quick replies and its officers get them', async () => {
    server = await startServer();
    const cookie = await server.login('koordinator');
    const replies = { replies: [{ id: 'Silakan tunjukkan KTP', en: 'Please show your ID card' }] };
    const save = (body: unknown, who = cookie) =>
      fetch(`${server.url}${restRoutes.setQuickReplies.path}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', origin: server.url, cookie: who },
        body: JSON.stringify(body),
      });
    const put = await save({ ...replies, version: 1 });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ ...replies, version: 2 });
    const agent = await server.agent(await server.login('petugas1'));
    expect(await agent.emitWithAck('chat:quickReplies', {})).toEqual({ ok: true, data: replies });

    // Another administrator saving from the first reading does not overwrite it.
    const stale = await save({ replies: [], version: 1 }, await server.login('admin'));
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { code: 'CHANGED_ELSEWHERE' } });
    expect(await agent.emitWithAck('chat:quickReplies', {})).toEqual({ ok: true, data: replies });

    const byAgent = await fetch(`${server.url}${restRoutes.setQuickReplies.path}`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        origin: server.url,
        cookie: await server.login('petugas2'),
      },
      body: JSON.stringify({ replies: [], version: 2 }),
    });
    expect(byAgent.status).toBe(403);
  });

  test('the retention job erases a conversation once the office’s summary days are over', async () => {
    server = await startServer();
    const { kiosk, ticketId } = await callInProgress(server);
    await kiosk.emitWithAck('chat:send', message(ticketId, 'lama'));
    await kiosk.emitWithAck('chat:send', message(ticketId, 'baru'));
    await server.db
      .updateTable('chat_messages')
      .set({ sent_at: Date.now() - 31 * DAY })
      .where('text', '=', 'lama')
      .execute();

    expect(await applyRetention(server.app.ctx)).toMatchObject({ chatMessages: 1 });
    expect((await stored()).map((row) => row.text)).toEqual(['baru']);
  });
});
