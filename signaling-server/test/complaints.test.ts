import { ComplaintList, ComplaintView, ErrorBody } from '@loket/shared';
import { afterEach, describe, expect, test } from 'vitest';
import { localDay } from '../src/core/complaint-deadlines.js';
import { applyRetention } from '../src/scheduling/retention-job.js';
import { followUpComplaints } from '../src/use-cases/complaints.js';
import { nextEvent, startServer, type TestServer } from './harness.js';
import { startLaporMock, type LaporMock } from './support/lapor-mock.js';
import { officeOnBreak } from './support/office-on-break.js';

const DAY = 24 * 60 * 60 * 1000;

let server: TestServer;
let lapor: LaporMock | null = null;
afterEach(async () => {
  await server.close();
  await lapor?.stop();
  lapor = null;
});

/** A server that forwards to a local LAPOR! mock (or to none), with a served visit to complain of. */
async function setUp({ forwarding = true } = {}) {
  lapor = forwarding ? await startLaporMock() : null;
  server = await startServer({
    // Long enough for a loaded machine, short enough for the timeout case.
    config: lapor ? { lapor: { url: lapor.url, token: lapor.token, timeoutMs: 1_500 } } : {},
  });
  const { agent, kiosk, take } = await officeOnBreak(server);
  const cookie = await server.login('koordinator');
  const serve = async () => {
    await agent.emitWithAck('agent:setStatus', { status: 'available' });
    const offered = nextEvent(agent, 'offer:new');
    const ticket = await take();
    const accepted = await agent.emitWithAck('offer:accept', {
      ticketId: (await offered).ticketId,
    });
    if (!accepted.ok) throw new Error(accepted.error.code);
    await agent.emitWithAck('call:end', { callId: accepted.data.call.callId });
    await agent.emitWithAck('agent:setStatus', { status: 'away' });
    return ticket;
  };
  /** A served visitor's survey with a comment, marked as a complaint or not. */
  const complain = async (comment: string, complaint = true) => {
    const ticket = await serve();
    const sent = await kiosk.emitWithAck('survey:submit', {
      ticketId: ticket.id,
      overall: 1,
      scores: {},
      comment,
      complaint,
    });
    if (!sent.ok) throw new Error(sent.error.code);
    return ticket;
  };
  const api = async (path: string, body?: unknown, as = cookie) => {
    const response = await fetch(`${server.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { cookie: as, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as unknown };
  };
  const list = async () => ComplaintList.parse((await api('/api/complaints')).json);
  const forward = async (complaintId: string) => {
    const answer = await api('/api/complaints/forward', { complaintId });
    return answer.status === 200
      ? ComplaintView.parse(answer.json)
      : ErrorBody.parse(answer.json).error;
  };
  const audits = (action: string) =>
    server.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();
  return { agent, serve, complain, api, list, forward, audits };
}

describe('complaints forwarded to SP4N-LAPOR!', () => {
  test('a survey comment the visitor marks as a complaint waits on the manager’s list; an unmarked one does not', async () => {
    const { complain, list, api } = await setUp();
    const ticket = await complain('Antrean terlalu lama, petugas tidak ada.');
    await complain('Terima kasih, pelayanannya cepat.', false);
    expect(await list()).toEqual({
      forwardingEnabled: true,
      complaints: [
        expect.objectContaining({
          source: 'survey',
          ticketNumber: ticket.number,
          text: 'Antrean terlalu lama, petugas tidak ada.',
          status: 'waiting',
          trackingId: null,
          deadlines: null,
        }),
      ],
    });
    const officer = await server.login('petugas1');
    expect((await api('/api/complaints', undefined, officer)).status).toBe(403);
  });

  test('a manager forwards a complaint: it gets its tracking id, three deadlines, the manager’s name and an audit entry', async () => {
    const { complain, list, forward, audits } = await setUp();
    await complain('Petugas meminta biaya tambahan.');
    const [waiting] = (await list()).complaints;
    const forwarded = await forward(waiting!.id);
    expect(forwarded).toMatchObject({
      status: 'forwarded',
      trackingId: 'LPR0000001',
      forwardedBy: 'Dewi Lestari',
      rejection: null,
    });
    const { deadlines } = forwarded as ComplaintView;
    const today = localDay(Date.now(), 'Asia/Jakarta');
    expect(deadlines!.verification.due > today).toBe(true);
    expect(deadlines!.verification.workingDaysLeft).toBe(3);
    expect(deadlines!.followUp.workingDaysLeft).toBe(5);
    expect(deadlines!.completion.workingDaysLeft).toBe(10);
    expect(lapor!.received[0]!.body).toMatchObject({ content: 'Petugas meminta biaya tambahan.' });
    const [entry] = await audits('complaint.forwarded');
    expect(entry).toMatchObject({ actor_type: 'user', subject_id: waiting!.id });
    expect(JSON.parse(String(entry!.details))).toEqual({ trackingId: 'LPR0000001', attempts: 1 });

    expect(await forward(waiting!.id)).toMatchObject({ code: 'INVALID_STATE' });
    expect(lapor!.received).toHaveLength(1);
  });

  test.each([
    { failure: { kind: 'timeout' as const }, name: 'does not answer in time' },
    { failure: { kind: 'server-error' as const }, name: 'fails on its side (5xx)' },
  ])(
    'a complaint LAPOR! could not take because it $name is retried by the job, nothing lost',
    async ({ failure }) => {
      const { complain, list, forward, audits } = await setUp();
      await complain('Toilet kantor rusak sejak lama.');
      const [waiting] = (await list()).complaints;
      lapor!.failNext(failure);
      expect(await forward(waiting!.id)).toMatchObject({ status: 'retrying', trackingId: null });
      expect(await audits('complaint.forward_deferred')).toHaveLength(1);

      // Not yet due: the job leaves it.
      expect(await followUpComplaints(server.app.ctx)).toEqual({ forwarded: 0, closed: 0 });
      await server.db
        .updateTable('complaints')
        .set({ next_attempt_at: Date.now() - 1 })
        .execute();
      expect(await followUpComplaints(server.app.ctx)).toEqual({ forwarded: 1, closed: 0 });
      expect((await list()).complaints).toEqual([
        expect.objectContaining({
          status: 'forwarded',
          trackingId: 'LPR0000001',
          forwardedBy: 'Dewi Lestari',
        }),
      ]);
      const [entry] = await audits('complaint.forwarded');
      expect(entry).toMatchObject({ actor_type: 'system' });
    },
  );

  test('a complaint LAPOR! refuses (4xx) shows LAPOR!’s reason and is not retried', async () => {
    const { complain, list, forward } = await setUp();
    await complain('Tolong.');
    const [waiting] = (await list()).complaints;
    lapor!.failNext({ kind: 'refuse', message: 'isi laporan terlalu pendek' });
    expect(await forward(waiting!.id)).toMatchObject({
      status: 'rejected',
      rejection: 'isi laporan terlalu pendek',
      trackingId: null,
    });
    await server.db.updateTable('complaints').set({ next_attempt_at: 0 }).execute();
    expect(await followUpComplaints(server.app.ctx)).toEqual({ forwarded: 0, closed: 0 });
    expect(lapor!.received).toEqual([]);
  });

  test('a complaint LAPOR! closed leaves the list', async () => {
    const { complain, list, forward } = await setUp();
    await complain('Formulir tidak tersedia.');
    const [waiting] = (await list()).complaints;
    await forward(waiting!.id);
    expect(await followUpComplaints(server.app.ctx)).toEqual({ forwarded: 0, closed: 0 });
    lapor!.close('LPR0000001');
    expect(await followUpComplaints(server.app.ctx)).toEqual({ forwarded: 0, closed: 1 });
    expect((await list()).complaints).toEqual([]);
  });

  test('without LAPOR_URL the list says forwarding is off, and forwarding is refused', async () => {
    const { complain, list, forward } = await setUp({ forwarding: false });
    await complain('Antrean tidak tertib.');
    const { forwardingEnabled, complaints } = await list();
    expect(forwardingEnabled).toBe(false);
    expect(await forward(complaints[0]!.id)).toMatchObject({ code: 'INVALID_STATE' });
  });

  test('an officer’s note marked as the visitor’s complaint waits on the list too', async () => {
    const { agent, serve, list } = await setUp();
    const ticket = await serve();
    const note = 'Pengunjung mengadukan pungutan liar di loket 2.';
    expect(
      await agent.emitWithAck('visit:note', { ticketId: ticket.id, note, complaint: true }),
    ).toEqual({ ok: true, data: null });
    expect((await list()).complaints).toEqual([
      expect.objectContaining({ source: 'note', text: note, ticketNumber: ticket.number }),
    ]);
  });

  test('a survey complaint without its comment is refused', async () => {
    const { serve } = await setUp();
    const ticket = await serve();
    const kiosk = await server.kiosk();
    expect(
      await kiosk.emitWithAck('survey:submit', {
        ticketId: ticket.id,
        overall: 2,
        scores: {},
        complaint: true,
      }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  test('the retention job erases a complaint’s words after the comment period, keeping its tracking id and dates', async () => {
    const { complain, list, forward, audits } = await setUp();
    await server.db.updateTable('offices').set({ comment_retention_days: 60 }).execute();
    await complain('Keluhan lama tentang parkir.');
    await complain('Keluhan baru tentang antrean.');
    const [old, recent] = (await list()).complaints;
    await forward(old!.id);
    await server.db
      .updateTable('complaints')
      .set({ created_at: Date.now() - 61 * DAY })
      .where('id', '=', old!.id)
      .execute();

    expect(await applyRetention(server.app.ctx)).toMatchObject({ complaints: 1 });

    const after = await list();
    expect(after.complaints).toEqual([
      expect.objectContaining({
        id: old!.id,
        text: null,
        trackingId: 'LPR0000001',
        deadlines: expect.objectContaining({ verification: expect.anything() }),
      }),
      expect.objectContaining({ id: recent!.id, text: 'Keluhan baru tentang antrean.' }),
    ]);
    const [entry] = await audits('retention.applied');
    expect(JSON.parse(String(entry!.details))).toMatchObject({
      complaintsErased: 1,
      complaintIds: [old!.id],
    });
    expect(String(entry!.details)).not.toContain('parkir');
  });
});
