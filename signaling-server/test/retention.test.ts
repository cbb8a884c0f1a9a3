import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import { applyRetention } from '../src/scheduling/retention-job.js';
import { startServer, type TestServer } from './harness.js';

const DAY = 24 * 60 * 60 * 1000;

let server: TestServer;
afterEach(() => server.close());

async function setUp() {
  server = await startServer();
  const agent = await server.agent(await server.login('petugas1'));
  const kiosk = await server.kiosk();
  const boot = await kiosk.emitWithAck('kiosk:bootstrap', {});
  if (!boot.ok) throw new Error(boot.error.code);
  const serviceId = boot.data.services[0]!.id;
  /** A visitor leaves `phone` to be called back; answers the request's id. */
  const leaveNumber = async (phone: string) => {
    const made = await kiosk.emitWithAck('callback:request', {
      clientId: randomUUID(),
      serviceId,
      language: 'id',
      phone,
      consent: true,
    });
    if (!made.ok) throw new Error(made.error.code);
    return made.data.callbackId;
  };
  /** An officer closes the call-back, `daysAgo` days ago as far as the store knows. */
  const close = async (callbackId: string, daysAgo: number) => {
    const closed = await agent.emitWithAck('callback:close', { callbackId, outcome: 'reached' });
    if (!closed.ok) throw new Error(closed.error.code);
    await server.db
      .updateTable('callbacks')
      .set({ closed_at: Date.now() - daysAgo * DAY })
      .where('id', '=', callbackId)
      .execute();
  };
  const stored = (id: string) =>
    server.db.selectFrom('callbacks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const audits = (action: string) =>
    server.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();
  /** A ticket taken at the kiosk and since cancelled, as the visit a survey is about. */
  const pastVisit = async () => {
    // An officer on a break: the office takes tickets.
    await agent.emitWithAck('agent:setStatus', { status: 'away' });
    const made = await kiosk.emitWithAck('ticket:create', {
      clientId: randomUUID(),
      serviceId,
      language: 'id',
    });
    if (!made.ok) throw new Error(made.error.code);
    await server.db
      .updateTable('tickets')
      .set({ status: 'cancelled' })
      .where('id', '=', made.data.ticket.id)
      .execute();
    return made.data.ticket;
  };
  return { agent, kiosk, boot: boot.data, leaveNumber, close, stored, audits, pastVisit };
}

/** The demo manager, made an administrator as a production install's first one is. */
async function administrator() {
  await server.db
    .updateTable('users')
    .set({ role: 'admin' })
    .where('username', '=', 'koordinator')
    .execute();
  return server.manager(await server.login('koordinator'));
}

describe('keeping personal data only as long as needed', () => {
  test('the kiosk learns how long the office keeps a call-back number, and the request records what the visitor was told', async () => {
    const { boot, leaveNumber, stored } = await setUp();
    expect(boot.office.retention).toEqual({ callbackDays: 30, commentDays: 90, summaryDays: 30 });
    await server.db.updateTable('offices').set({ callback_retention_days: 7 }).execute();
    expect((await stored(await leaveNumber('081234567890'))).kept_days).toBe(7);
  });

  test('the retention job erases numbers past their period, keeps the rest, and says so in the audit log', async () => {
    const { leaveNumber, close, stored, audits } = await setUp();
    const old = await leaveNumber('081111111111');
    await close(old, 31);
    const recent = await leaveNumber('082222222222');
    await close(recent, 29);
    const open = await leaveNumber('083333333333');
    await server.db
      .updateTable('callbacks')
      .set({ created_at: Date.now() - 90 * DAY })
      .where('id', '=', open)
      .execute();

    expect(await applyRetention(server.app.ctx)).toEqual({
      callbackNumbers: 1,
      comments: 0,
      notes: 0,
      complaints: 0,
      chatMessages: 0,
      earlierLinks: 0,
    });

    expect(await stored(old)).toMatchObject({ phone: '', status: 'closed', outcome: 'reached' });
    expect((await stored(old)).erased_at).not.toBeNull();
    expect(await stored(recent)).toMatchObject({ phone: '+6282222222222', erased_at: null });
    expect(await stored(open)).toMatchObject({ phone: '+6283333333333', erased_at: null });
    const [entry, ...more] = await audits('retention.applied');
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ actor_type: 'system', subject_id: null });
    expect(JSON.parse(String(entry!.details))).toEqual({
      callbackNumbersErased: 1,
      callbackIds: [old],
      commentsErased: 0,
      surveyIds: [],
      notesErased: 0,
      chatMessagesErased: 0,
      earlierLinksErased: 0,
      ticketIds: [],
      complaintsErased: 0,
      complaintIds: [],
      callNotesErased: 0,
      callIds: [],
    });
    expect(String(entry!.details)).not.toContain('1111111111');

    // Nothing more is due: a second run erases nothing and writes nothing.
    expect(await applyRetention(server.app.ctx)).toEqual({
      callbackNumbers: 0,
      comments: 0,
      notes: 0,
      complaints: 0,
      chatMessages: 0,
      earlierLinks: 0,
    });
    expect(await audits('retention.applied')).toHaveLength(1);
  });

  test('the retention job erases survey comments past the office’s period, keeps their scores, and says so in the audit log', async () => {
    const { audits, pastVisit } = await setUp();
    await server.db.updateTable('offices').set({ comment_retention_days: 60 }).execute();
    /** A survey with a comment, given `daysAgo` days ago. */
    const survey = async (comment: string | null, daysAgo: number) => {
      const visit = await pastVisit();
      const ticket = await server.db
        .selectFrom('tickets')
        .selectAll()
        .where('id', '=', visit.id)
        .executeTakeFirstOrThrow();
      const id = randomUUID();
      await server.db
        .insertInto('surveys')
        .values({
          id,
          office_id: ticket.office_id,
          ticket_id: ticket.id,
          kiosk_id: ticket.kiosk_id,
          service_id: ticket.service_id,
          agent_id: null,
          language: 'id',
          created_at: Date.now() - daysAgo * DAY,
          overall: 4,
          comment,
        })
        .execute();
      return id;
    };
    const storedSurvey = (id: string) =>
      server.db.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const old = await survey('Petugasnya ramah, nomor saya 0811', 61);
    const recent = await survey('Antrean cepat', 59);
    const without = await survey(null, 200);

    expect(await applyRetention(server.app.ctx)).toEqual({
      callbackNumbers: 0,
      comments: 1,
      notes: 0,
      complaints: 0,
      chatMessages: 0,
      earlierLinks: 0,
    });

    expect(await storedSurvey(old)).toMatchObject({ comment: null, overall: 4 });
    expect((await storedSurvey(old)).comment_erased_at).not.toBeNull();
    expect(await storedSurvey(recent)).toMatchObject({
      comment: 'Antrean cepat',
      comment_erased_at: null,
    });
    expect(await storedSurvey(without)).toMatchObject({ comment: null, comment_erased_at: null });
    const [entry, ...more] = await audits('retention.applied');
    expect(more).toEqual([]);
    expect(JSON.parse(String(entry!.details))).toEqual({
      callbackNumbersErased: 0,
      callbackIds: [],
      commentsErased: 1,
      surveyIds: [old],
      notesErased: 0,
      chatMessagesErased: 0,
      earlierLinksErased: 0,
      ticketIds: [],
      complaintsErased: 0,
      complaintIds: [],
      callNotesErased: 0,
      callIds: [],
    });
    expect(String(entry!.details)).not.toContain('ramah');

    expect(await applyRetention(server.app.ctx)).toEqual({
      callbackNumbers: 0,
      comments: 0,
      notes: 0,
      complaints: 0,
      chatMessages: 0,
      earlierLinks: 0,
    });
    expect(await audits('retention.applied')).toHaveLength(1);
  });

  test('the retention job erases officers’ notes to visitors once their summary’s days are over, and says so', async () => {
    const { agent, kiosk, boot, audits } = await setUp();
    // On a break: the office takes tickets, and none is offered.
    await agent.emitWithAck('agent:setStatus', { status: 'away' });
    /** A finished visit whose officer left a note, ended `daysAgo` days ago. */
    const visit = async (note: string, daysAgo: number) => {
      const made = await kiosk.emitWithAck('ticket:create', {
        clientId: randomUUID(),
        serviceId: boot.services[0]!.id,
        language: 'id',
      });
      if (!made.ok) throw new Error(made.error.code);
      const cancelled = await kiosk.emitWithAck('ticket:cancel', { ticketId: made.data.ticket.id });
      if (!cancelled.ok) throw new Error(cancelled.error.code);
      await server.db
        .updateTable('tickets')
        .set({ visitor_note: note, updated_at: Date.now() - daysAgo * DAY })
        .where('id', '=', made.data.ticket.id)
        .execute();
      return made.data.ticket.id;
    };
    const noteOf = async (id: string) =>
      (
        await server.db
          .selectFrom('tickets')
          .select('visitor_note')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).visitor_note;
    const old = await visit('Bawa KTP asli dan pas foto besok', 31);
    const recent = await visit('Formulir sudah lengkap', 29);

    expect(await applyRetention(server.app.ctx)).toEqual({
      callbackNumbers: 0,
      comments: 0,
      notes: 1,
      complaints: 0,
      chatMessages: 0,
      earlierLinks: 0,
    });

    expect(await noteOf(old)).toBeNull();
    expect(await noteOf(recent)).toBe('Formulir sudah lengkap');
    const [entry] = await audits('retention.applied');
    expect(JSON.parse(String(entry!.details))).toMatchObject({ notesErased: 1, ticketIds: [old] });
    expect(String(entry!.details)).not.toContain('KTP');
  });

  test('an administrator finds one person’s call-backs by their number and erases it on request', async () => {
    const { agent, leaveNumber, close, stored, audits } = await setUp();
    const served = await leaveNumber('0812-3456-7890');
    await close(served, 1);
    const waiting = await leaveNumber('+62 812 3456 7890');
    const someoneElse = await leaveNumber('085555555555');
    const admin = await administrator();

    const found = await admin.emitWithAck('privacy:find', { phone: '081234567890' });
    expect(found.ok && found.data.callbacks.map((c) => [c.id, c.status, c.erasedAt])).toEqual([
      [waiting, 'open', null],
      [served, 'closed', null],
    ]);

    expect(await admin.emitWithAck('privacy:erase', { phone: '081234567890' })).toEqual({
      ok: true,
      data: { erased: 2 },
    });
    expect(await stored(served)).toMatchObject({ phone: '' });
    // A request still open is closed: nobody can call a number that is gone.
    expect(await stored(waiting)).toMatchObject({ phone: '', status: 'closed', outcome: 'erased' });
    expect(await stored(someoneElse)).toMatchObject({ phone: '+6285555555555', status: 'open' });
    const list = await agent.emitWithAck('callback:list', {});
    expect(list.ok && list.data.callbacks.map((c) => c.id)).toEqual([someoneElse]);
    const [entry] = await audits('personal_data.erased');
    expect(entry).toMatchObject({ actor_type: 'user' });
    expect(String(entry!.details)).not.toContain('3456');
    expect(await admin.emitWithAck('privacy:find', { phone: '081234567890' })).toEqual({
      ok: true,
      data: { callbacks: [] },
    });
  });

  test('only an administrator may look for or erase personal data, and only by a real number', async () => {
    const { leaveNumber } = await setUp();
    await leaveNumber('081234567890');
    const manager = await server.manager(await server.login('koordinator'));
    for (const command of ['privacy:find', 'privacy:erase'] as const) {
      expect(await manager.emitWithAck(command, { phone: '081234567890' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    const admin = await administrator();
    for (const phone of ['', '12345', '=HYPERLINK("x")', '0812345678901234567']) {
      expect(await admin.emitWithAck('privacy:erase', { phone })).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST' },
      });
    }
    expect(
      await server.db
        .selectFrom('callbacks')
        .select('phone')
        .where('erased_at', 'is', null)
        .execute(),
    ).toEqual([{ phone: '+6281234567890' }]);
  });
});
