import { CALL_NOTES_MAX, DEFAULT_DISPOSITIONS, restRoutes } from '@loket/shared';
import { afterEach, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from './harness.js';
import { callInProgress } from './support/calls.js';

let server: TestServer;
afterEach(() => server.close());

const recordOf = (callId: string) =>
  server.db
    .selectFrom('calls')
    .select(['notes', 'disposition'])
    .where('id', '=', callId)
    .executeTakeFirstOrThrow();

async function dispositions(
  method: 'GET' | 'PUT',
  cookie: string,
  body?: { dispositions: unknown; version?: number },
): Promise<{ status: number; json: unknown }> {
  // A change is made from the version last read, unless a test names one.
  const version: number | undefined =
    body && body.version === undefined
      ? ((await dispositions('GET', cookie)).json as { version: number }).version
      : body?.version;
  const response = await fetch(`${server.url}${restRoutes.dispositions.path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie, origin: server.url },
    ...(body === undefined ? {} : { body: JSON.stringify({ ...body, version }) }),
  });
  return { status: response.status, json: (await response.json()) as unknown };
}

describe('the officer’s record of a call', () => {
  test('notes are kept during the call and at wrap-up, and the outcome once it is over', async () => {
    server = await startServer({ wrapUpMs: 60_000 });
    const { agent, ticketId, callId } = await callInProgress(server, true);
    const notes = 'Datang dengan juru bahasa; butuh salinan akta.';
    expect(await agent.emitWithAck('call:record', { ticketId, notes })).toEqual({
      ok: true,
      data: null,
    });
    expect(await recordOf(callId)).toEqual({ notes, disposition: null });

    await agent.emitWithAck('call:end', { callId });
    const more = `${notes} Kembali Senin.`;
    expect(
      await agent.emitWithAck('call:record', { ticketId, notes: more, disposition: 'follow_up' }),
    ).toMatchObject({ ok: true });
    expect(await recordOf(callId)).toEqual({ notes: more, disposition: 'follow_up' });

    const boot = await agent.emitWithAck('agent:bootstrap', {});
    expect(boot).toMatchObject({
      ok: true,
      data: {
        lastServed: { ticketId, notes: more, disposition: 'follow_up' },
        dispositions: DEFAULT_DISPOSITIONS,
      },
    });
    const entry = await server.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'call.recorded')
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    expect(String(entry.details)).not.toContain('Kembali');
  });

  test('markup in notes is kept as the text it is, and shown as text', async () => {
    server = await startServer({ wrapUpMs: 60_000 });
    const { agent, ticketId, callId } = await callInProgress(server);
    const notes = '<script>alert(1)</script><b>bold</b>';
    expect(await agent.emitWithAck('call:record', { ticketId, notes })).toMatchObject({ ok: true });
    expect((await recordOf(callId)).notes).toBe(notes);
  });

  test('notes too long, an empty record, or an outcome during the call are refused, nothing kept', async () => {
    server = await startServer({ wrapUpMs: 60_000 });
    const { agent, ticketId, callId } = await callInProgress(server);
    const tooLong = 'a'.repeat(CALL_NOTES_MAX + 1);
    expect(await agent.emitWithAck('call:record', { ticketId, notes: tooLong })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await agent.emitWithAck('call:record', { ticketId })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(
      await agent.emitWithAck('call:record', { ticketId, disposition: 'resolved' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(await recordOf(callId)).toEqual({ notes: null, disposition: null });
  });

  test('an outcome the office does not list is refused', async () => {
    server = await startServer({ wrapUpMs: 60_000 });
    const { agent, ticketId, callId } = await callInProgress(server);
    await agent.emitWithAck('call:end', { callId });
    expect(
      await agent.emitWithAck('call:record', { ticketId, disposition: 'made_up' }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await recordOf(callId)).toEqual({ notes: null, disposition: null });
  });

  test('once the wrap-up is over the call’s record is closed', async () => {
    server = await startServer({ wrapUpMs: 60_000 });
    const { agent, ticketId, callId } = await callInProgress(server);
    await agent.emitWithAck('call:end', { callId });
    await agent.emitWithAck('agent:setStatus', { status: 'available' });
    expect(await agent.emitWithAck('call:record', { ticketId, notes: 'late' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
  });

  test('another officer cannot record a call they did not serve', async () => {
    server = await startServer({ wrapUpMs: 60_000 });
    const { ticketId, callId } = await callInProgress(server);
    const other = await server.agent(await server.login('petugas2'));
    expect(await other.emitWithAck('call:record', { ticketId, notes: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await recordOf(callId)).toEqual({ notes: null, disposition: null });
  });
});

describe('an office’s outcomes', () => {
  test('a manager reads the default list, replaces it, and officers pick from the new one', async () => {
    server = await startServer({ wrapUpMs: 60_000 });
    const manager = await server.login('koordinator');
    expect(await dispositions('GET', manager)).toEqual({
      status: 200,
      json: { dispositions: DEFAULT_DISPOSITIONS, version: 1 },
    });
    const own = [{ id: 'passport_ready', label: { id: 'Paspor siap', en: 'Passport ready' } }];
    expect(await dispositions('PUT', manager, { dispositions: own })).toEqual({
      status: 200,
      json: { dispositions: own, version: 2 },
    });

    const { agent, ticketId, callId } = await callInProgress(server);
    await agent.emitWithAck('call:end', { callId });
    expect(
      await agent.emitWithAck('call:record', { ticketId, disposition: 'resolved' }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(
      await agent.emitWithAck('call:record', { ticketId, disposition: 'passport_ready' }),
    ).toMatchObject({ ok: true });
  });

  test('an officer may not change the list, and a list with a repeated or malformed id is refused', async () => {
    server = await startServer();
    const officer = await server.login('petugas1');
    const own = [{ id: 'done', label: { id: 'Selesai', en: 'Done' } }];
    expect((await dispositions('PUT', officer, { dispositions: own, version: 1 })).status).toBe(
      403,
    );
    const manager = await server.login('koordinator');
    for (const bad of [[], [own[0], own[0]], [{ id: 'Not OK', label: own[0]!.label }]]) {
      expect(await dispositions('PUT', manager, { dispositions: bad })).toMatchObject({
        status: 400,
        json: { error: { code: 'BAD_REQUEST' } },
      });
    }
    expect(await dispositions('GET', manager)).toMatchObject({
      json: { dispositions: DEFAULT_DISPOSITIONS },
    });
  });

  test('an outcome visits were closed with cannot be removed (IN_USE), only retired, and officers no longer see it', async () => {
    server = await startServer({ wrapUpMs: 60_000 });
    const manager = await server.login('koordinator');
    const { agent, ticketId, callId } = await callInProgress(server);
    await agent.emitWithAck('call:end', { callId });
    await agent.emitWithAck('call:record', { ticketId, disposition: 'referred' });

    const others = DEFAULT_DISPOSITIONS.filter((d) => d.id !== 'referred');
    expect(await dispositions('PUT', manager, { dispositions: others })).toMatchObject({
      status: 409,
      json: { error: { code: 'IN_USE' } },
    });
    const retired = DEFAULT_DISPOSITIONS.map((d) =>
      d.id === 'referred' ? { ...d, retired: true } : d,
    );
    expect(await dispositions('PUT', manager, { dispositions: retired })).toMatchObject({
      status: 200,
    });
    // An outcome nobody picked may go.
    const fewer = retired.filter((d) => d.id !== 'documents_missing');
    expect((await dispositions('PUT', manager, { dispositions: fewer })).status).toBe(200);

    const boot = await agent.emitWithAck('agent:bootstrap', {});
    expect(boot).toMatchObject({
      ok: true,
      data: { dispositions: others.filter((d) => d.id !== 'documents_missing') },
    });
    expect(
      await agent.emitWithAck('call:record', { ticketId, disposition: 'referred' }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  test('a change made from an older reading is refused CHANGED_ELSEWHERE, keeping the other one', async () => {
    server = await startServer();
    const first = await server.login('koordinator');
    const second = await server.login('admin');
    const mine = [{ id: 'passport_ready', label: { id: 'Paspor siap', en: 'Passport ready' } }];
    const theirs = [{ id: 'visa_ready', label: { id: 'Visa siap', en: 'Visa ready' } }];
    expect(await dispositions('PUT', first, { dispositions: mine, version: 1 })).toMatchObject({
      status: 200,
    });
    expect(await dispositions('PUT', second, { dispositions: theirs, version: 1 })).toMatchObject({
      status: 409,
      json: { error: { code: 'CHANGED_ELSEWHERE' } },
    });
    expect(await dispositions('GET', second)).toEqual({
      status: 200,
      json: { dispositions: mine, version: 2 },
    });
  });

  test('a list with every outcome retired is refused', async () => {
    server = await startServer();
    const manager = await server.login('koordinator');
    const all = DEFAULT_DISPOSITIONS.map((d) => ({ ...d, retired: true }));
    expect((await dispositions('PUT', manager, { dispositions: all })).status).toBe(400);
  });
});
