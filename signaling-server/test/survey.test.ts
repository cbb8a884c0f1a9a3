import { afterEach, describe, expect, test } from 'vitest';
import { nextEvent, startServer, type TestServer } from './harness.js';
import { officeOnBreak } from './support/office-on-break.js';

let server: TestServer;
afterEach(() => server.close());

async function setUp() {
  server = await startServer();
  const { agent, kiosk, boot, take } = await officeOnBreak(server);
  const manager = await server.manager(await server.login('koordinator'));
  /** A served visit: the officer answers the kiosk's ticket and ends the call. */
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
  return { kiosk, manager, agent, take, serve, boot };
}

async function todaysIkm(manager: Awaited<ReturnType<TestServer['manager']>>) {
  const snapshot = await manager.emitWithAck('queue:snapshot', {});
  if (!snapshot.ok) throw new Error(snapshot.error.code);
  return snapshot.data.counters.ikm;
}

describe('the SKM survey after a visit', () => {
  test('the kiosk learns the office’s short form', async () => {
    const { boot } = await setUp();
    expect(boot.office.surveyElements).toEqual(['time', 'competence', 'conduct']);
  });

  test('a served visitor’s answers are stored once, with the visit’s officer, and today’s index follows', async () => {
    const { kiosk, manager, serve } = await setUp();
    expect(await todaysIkm(manager)).toBeNull();
    const ticket = await serve();
    const answers = {
      ticketId: ticket.id,
      overall: 4,
      scores: { time: 3, competence: 4 },
    } as const;
    expect(await kiosk.emitWithAck('survey:submit', answers)).toEqual({ ok: true, data: null });
    // (3 + 4) / 2 = 3.5 → 87.5, band B.
    expect(await todaysIkm(manager)).toEqual({ index: 87.5, band: 'B', respondents: 1 });
    const stored = await server.db
      .selectFrom('surveys')
      .selectAll()
      .where('ticket_id', '=', ticket.id)
      .executeTakeFirstOrThrow();
    const petugas = await server.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'petugas1')
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ overall: 4, u3: 3, u6: 4, u1: null, agent_id: petugas.id });

    expect(await kiosk.emitWithAck('survey:submit', answers)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
  });

  test('a visitor’s comment is stored trimmed with the survey, and a comment alone is a survey', async () => {
    const { kiosk, manager, serve } = await setUp();
    const rated = await serve();
    expect(
      await kiosk.emitWithAck('survey:submit', {
        ticketId: rated.id,
        overall: 3,
        scores: {},
        comment: '  Petugasnya ramah,\tterima kasih!  ',
      }),
    ).toEqual({ ok: true, data: null });
    const commented = await serve();
    expect(
      await kiosk.emitWithAck('survey:submit', {
        ticketId: commented.id,
        overall: null,
        scores: {},
        comment: 'Ruang tunggu panas.',
      }),
    ).toEqual({ ok: true, data: null });

    const stored = await server.db
      .selectFrom('surveys')
      .select(['ticket_id', 'overall', 'u3', 'comment', 'comment_erased_at'])
      .orderBy('created_at')
      .execute();
    expect(stored).toEqual([
      {
        ticket_id: rated.id,
        overall: 3,
        u3: null,
        comment: 'Petugasnya ramah, terima kasih!',
        comment_erased_at: null,
      },
      {
        ticket_id: commented.id,
        overall: null,
        u3: null,
        comment: 'Ruang tunggu panas.',
        comment_erased_at: null,
      },
    ]);
    // A comment answers no SKM element: the index has no respondent yet.
    expect(await todaysIkm(manager)).toBeNull();
  });

  test('a survey for a visit that is not over, or never was, is refused', async () => {
    const { kiosk, take } = await setUp();
    const waiting = await take();
    expect(
      await kiosk.emitWithAck('survey:submit', { ticketId: waiting.id, overall: 3, scores: {} }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(
      await kiosk.emitWithAck('survey:submit', { ticketId: 'nope', overall: 3, scores: {} }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('a survey for another kiosk’s visit is refused', async () => {
    const { serve } = await setUp();
    const ticket = await serve();
    const other = await server.kiosk(await server.enrolKiosk());
    expect(
      await other.emitWithAck('survey:submit', { ticketId: ticket.id, overall: 4, scores: {} }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test.each([
    { name: 'a score of 5', survey: { overall: 5, scores: {} } },
    { name: 'a score of 0', survey: { overall: null, scores: { time: 0 } } },
    { name: 'a fractional score', survey: { overall: 2.5, scores: {} } },
    { name: 'an element outside the SKM', survey: { overall: null, scores: { mood: 4 } } },
    { name: 'no answer at all', survey: { overall: null, scores: {} } },
    { name: 'only spaces as its comment', survey: { overall: null, scores: {}, comment: '   ' } },
    { name: 'a comment too long', survey: { overall: 4, scores: {}, comment: 'x'.repeat(501) } },
    { name: 'a comment that is not text', survey: { overall: 4, scores: {}, comment: ['x'] } },
  ])('a survey with $name is refused as a bad request', async ({ survey }) => {
    const { kiosk, serve } = await setUp();
    const ticket = await serve();
    expect(
      await kiosk.emitWithAck('survey:submit', { ticketId: ticket.id, ...survey } as never),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
