import {
  DEFAULT_DISPOSITIONS,
  NO_OUTCOME,
  restRoutes,
  type Report,
  type ReportRequest,
} from '@loket/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../src/store/database.js';
import { startServer, type TestServer } from './harness.js';

let server: TestServer;
let manager: string;

/** A wall-clock time in Jakarta (UTC+7), the demo office's zone. */
const jakarta = (local: string) => Date.parse(`${local}+07:00`);
const S = 1000;

/**
 * A small, known office history on 2 and 3 March 2026 (and one ticket just after):
 * Sari serves T1 and T2 (a signer, answered late); T3 (elderly) is abandoned after 2 min; Sari
 * answers T4 (signer, disability) and transfers it to Budi; T5 is cancelled after 40 s; Budi serves
 * T6 at 23:30, still the 3rd in Jakarta; T7 is the 4th in Jakarta though the 3rd in UTC.
 */
async function seedHistory(db: Db, officeId: string) {
  const [first, second] = await db
    .selectFrom('services')
    .select('id')
    .where('office_id', '=', officeId)
    .orderBy('sort_order')
    .execute();
  const kiosk = await db.selectFrom('kiosks').select('id').executeTakeFirstOrThrow();
  const userId = async (username: string) =>
    (
      await db
        .selectFrom('users')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
    ).id;
  const sari = await userId('petugas1');
  const budi = await userId('petugas2');
  const a = first!.id;
  const b = second!.id;
  type Call = [agent: string, startAfterS: number, endAfterS: number];
  const tickets: [string, string, string, string, string, number, Call[]][] = [
    ['t1', '2026-03-02T09:00:00', a, '', 'done', 0, [[sari, 10, 310]]],
    ['t2', '2026-03-02T10:00:00', a, 'sign_language', 'done', 0, [[sari, 30, 630]]],
    ['t3', '2026-03-02T11:00:00', b, 'elderly', 'abandoned', 120, []],
    [
      't4',
      '2026-03-03T09:00:00',
      b,
      'sign_language,disability',
      'done',
      0,
      [
        [sari, 5, 65],
        [budi, 70, 270],
      ],
    ],
    ['t5', '2026-03-03T10:00:00', a, '', 'cancelled', 40, []],
    ['t6', '2026-03-03T23:30:00', b, '', 'done', 0, [[budi, 15, 115]]],
    ['t7', '2026-03-04T00:30:00', a, '', 'done', 0, [[budi, 1, 61]]],
  ];
  for (const [id, local, service, needs, status, leftAfterS, calls] of tickets) {
    const at = jakarta(local);
    await db
      .insertInto('tickets')
      .values({
        id: `report-${id}`,
        office_id: officeId,
        service_id: service,
        kiosk_id: kiosk.id,
        client_id: `report-${id}`,
        number: id.toUpperCase(),
        language: 'id',
        status: status as 'done',
        needs,
        priority: 'normal',
        assigned_agent_id: null,
        created_at: at,
        queued_at: at,
        updated_at: at + leftAfterS * S,
        offered_agent_id: null,
        offer_expires_at: null,
        visit_token: null,
        consented_at: null,
        earlier_attempts: 0,
      })
      .execute();
    for (const [index, [agent, start, end]] of calls.entries()) {
      await db
        .insertInto('calls')
        .values({
          id: `report-${id}-${index}`,
          ticket_id: `report-${id}`,
          office_id: officeId,
          agent_id: agent,
          kiosk_id: kiosk.id,
          transport: 'p2p',
          started_at: at + start * S,
          ended_at: at + end * S,
          end_reason: 'ended_by_agent',
        })
        .execute();
    }
  }
  const callbacks: [string, string, string, string | null][] = [
    ['c1', '2026-03-02T12:00:00', a, sari],
    ['c2', '2026-03-03T12:00:00', b, null],
  ];
  for (const [id, local, service, closedBy] of callbacks) {
    await db
      .insertInto('callbacks')
      .values({
        id: `report-${id}`,
        office_id: officeId,
        kiosk_id: kiosk.id,
        client_id: `report-${id}`,
        service_id: service,
        language: 'id',
        phone: '081234567890',
        status: closedBy ? 'closed' : 'open',
        created_at: jakarta(local),
        closed_at: closedBy ? jakarta(local) + 600 * S : null,
        closed_by: closedBy,
        outcome: null,
        kept_days: null,
        erased_at: null,
      })
      .execute();
  }
  const none = { u1: null, u2: null, u4: null, u5: null, u8: null, u9: null };
  await db
    .insertInto('surveys')
    .values([
      {
        ...none,
        id: 'report-s1',
        office_id: officeId,
        ticket_id: 'report-t1',
        kiosk_id: kiosk.id,
        service_id: a,
        agent_id: sari,
        language: 'id',
        created_at: jakarta('2026-03-02T09:06:00'),
        overall: 4,
        u3: 3,
        u6: 4,
        u7: null,
      },
      {
        ...none,
        id: 'report-s2',
        office_id: officeId,
        ticket_id: 'report-t4',
        kiosk_id: kiosk.id,
        service_id: b,
        agent_id: budi,
        language: 'id',
        created_at: jakarta('2026-03-03T09:05:00'),
        overall: 3,
        u3: 4,
        u6: 4,
        u7: 2,
      },
    ])
    .execute();
  return { a, b, sari, budi };
}

async function post(body: unknown, cookie = manager) {
  const response = await fetch(`${server.url}${restRoutes.report.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as unknown };
}

async function report(groupBy: ReportRequest['groupBy'], from = '2026-03-02', to = '2026-03-03') {
  const { status, json } = await post({ from, to, groupBy });
  expect(status).toBe(200);
  return restRoutes.report.response.parse(json) as Report;
}

let seeded: Awaited<ReturnType<typeof seedHistory>>;

beforeAll(async () => {
  server = await startServer();
  seeded = await seedHistory(server.db, server.officeId);
  manager = await server.login('koordinator');
});
afterAll(() => server.close());

/** The whole range: T1–T6 (T7 falls on the 4th in Jakarta). */
const TOTAL = {
  tickets: 6,
  served: 4,
  abandoned: 1,
  cancelled: 1,
  callbacks: 2,
  answered: 4,
  // Answers after 10, 30, 5 and 15 s.
  averageSpeedOfAnswerMs: 15_000,
  // 300, 600, 60 + 200 and 100 s in calls.
  averageHandleMs: 315_000,
  serviceLevel: 0.75,
  // The signers were answered after 30 s (late) and 5 s.
  signLanguageServiceLevel: 0.5,
  // T3 left after two minutes unanswered.
  longestWaitMs: 120_000,
  // time (3 + 4) / 2 = 3.5, competence 4, conduct 2: (3.5 + 4 + 2) / 3 × 25 = 79.17.
  ikm: { index: 79.17, band: 'B', respondents: 2 },
  elements: { time: 3.5, competence: 4, conduct: 2 },
};

describe('reports for managers', () => {
  test('by day, each day of the office’s time zone has its own figures, and the total adds up', async () => {
    const { rows, total, timeZone } = await report('day');
    expect(timeZone).toBe('Asia/Jakarta');
    expect(total).toEqual(TOTAL);
    expect(rows.map((row) => row.key)).toEqual(['2026-03-02', '2026-03-03']);
    expect(rows[0]!.figures).toEqual({
      tickets: 3,
      served: 2,
      abandoned: 1,
      cancelled: 0,
      callbacks: 1,
      answered: 2,
      averageSpeedOfAnswerMs: 20_000,
      averageHandleMs: 450_000,
      serviceLevel: 0.5,
      signLanguageServiceLevel: 0,
      longestWaitMs: 120_000,
      ikm: { index: 87.5, band: 'B', respondents: 1 },
      elements: { time: 3, competence: 4 },
    });
    expect(rows[1]!.figures).toMatchObject({
      tickets: 3,
      served: 2,
      cancelled: 1,
      callbacks: 1,
      averageSpeedOfAnswerMs: 10_000,
      averageHandleMs: 180_000,
      serviceLevel: 1,
      signLanguageServiceLevel: 1,
      longestWaitMs: 40_000,
      ikm: { index: 83.33, band: 'B', respondents: 1 },
    });
  });

  test('a day with nothing in it is still a row, and a later day counts what it holds', async () => {
    const { rows } = await report('day', '2026-03-04', '2026-03-05');
    expect(rows.map((row) => [row.key, row.figures.tickets])).toEqual([
      ['2026-03-04', 1],
      ['2026-03-05', 0],
    ]);
    expect(rows[1]!.figures).toMatchObject({ averageSpeedOfAnswerMs: null, ikm: null });
  });

  test('by week and by month, the days gather into the Monday’s week and the month', async () => {
    const week = await report('week');
    expect(week.rows.map((row) => row.key)).toEqual(['2026-03-02']);
    expect(week.rows[0]!.figures).toEqual(TOTAL);
    const month = await report('month', '2026-02-01', '2026-03-31');
    expect(month.rows.map((row) => [row.key, row.figures.tickets])).toEqual([
      ['2026-02', 0],
      ['2026-03', 7],
    ]);
  });

  test('by service, each service has its tickets, call-backs and surveys', async () => {
    const { rows, total } = await report('service');
    const { a, b } = seeded;
    const figures = (key: string) => rows.find((row) => row.key === key)?.figures;
    expect(figures(a)).toMatchObject({ tickets: 3, served: 2, cancelled: 1, callbacks: 1 });
    expect(figures(a)?.ikm).toEqual({ index: 87.5, band: 'B', respondents: 1 });
    expect(figures(b)).toMatchObject({ tickets: 3, served: 2, abandoned: 1, callbacks: 1 });
    expect(rows.find((row) => row.key === a)?.name?.id).toBeTruthy();
    expect(total).toEqual(TOTAL);
  });

  test('by officer, a ticket belongs to the officer of its last call', async () => {
    const { rows, total } = await report('officer');
    const { sari, budi } = seeded;
    expect(rows.map((row) => [row.key, row.name?.id])).toEqual([
      [budi, 'Budi Santoso'],
      [sari, 'Sari Wulandari'],
    ]);
    expect(rows[0]!.figures).toMatchObject({
      tickets: 2,
      served: 2,
      callbacks: 0,
      averageSpeedOfAnswerMs: 10_000,
      averageHandleMs: 180_000,
      ikm: { index: 83.33, band: 'B', respondents: 1 },
    });
    expect(rows[1]!.figures).toMatchObject({ tickets: 2, served: 2, callbacks: 1 });
    expect(total).toEqual(TOTAL);
  });

  test('by need, each declared need has its visitors, priority gathers them, and call-backs are not recorded', async () => {
    const { rows, total } = await report('need');
    expect(total).toEqual(TOTAL);
    const figures = Object.fromEntries(rows.map((row) => [row.key, row.figures]));
    expect(rows.map((row) => row.key)).toEqual([
      'sign_language',
      'disability',
      'elderly',
      'pregnant',
      'priority',
      'none',
    ]);
    expect(figures.sign_language).toMatchObject({
      tickets: 2,
      served: 2,
      signLanguageServiceLevel: 0.5,
      callbacks: null,
      ikm: { index: 83.33, band: 'B', respondents: 1 },
    });
    expect(figures.disability?.tickets).toBe(1);
    expect(figures.elderly).toMatchObject({ tickets: 1, abandoned: 1, longestWaitMs: 120_000 });
    expect(figures.pregnant?.tickets).toBe(0);
    expect(figures.priority?.tickets).toBe(2);
    expect(figures.none).toMatchObject({ tickets: 3, served: 2, cancelled: 1 });
  });

  test('by outcome, a visit counts under the outcome of its last call, one no longer listed keeps its row, and visits with none are counted apart', async () => {
    const outcomes: [string, string][] = [
      ['report-t1-0', 'resolved'],
      ['report-t2-0', 'resolved'],
      ['report-t4-0', 'referred'],
      ['report-t4-1', 'follow_up'],
      ['report-t6-0', 'old_outcome'],
    ];
    for (const [id, disposition] of outcomes) {
      await server.db.updateTable('calls').set({ disposition }).where('id', '=', id).execute();
    }
    const { rows, total } = await report('outcome');
    expect(total).toEqual(TOTAL);
    expect(rows.map((row) => [row.key, row.name?.en ?? null])).toEqual([
      ...DEFAULT_DISPOSITIONS.map((d) => [d.id, d.label.en]),
      ['old_outcome', null],
      [NO_OUTCOME, null],
    ]);
    const figures = Object.fromEntries(rows.map((row) => [row.key, row.figures]));
    expect(figures.resolved).toMatchObject({ tickets: 2, served: 2, callbacks: null });
    expect(figures.follow_up).toMatchObject({ tickets: 1, served: 1, averageHandleMs: 260_000 });
    expect(figures.referred?.tickets).toBe(0);
    expect(figures.old_outcome?.tickets).toBe(1);
    expect(figures[NO_OUTCOME]).toMatchObject({ tickets: 2, abandoned: 1, cancelled: 1 });
  });
});

describe('report requests that are refused', () => {
  test.each([
    {
      name: 'a range that ends before it starts',
      body: { from: '2026-03-03', to: '2026-03-02', groupBy: 'day' },
      message: 'the range ends before it starts',
    },
    {
      name: 'a range of more than 366 days',
      body: { from: '2025-01-01', to: '2026-01-02', groupBy: 'month' },
      message: 'a report covers at most 366 days',
    },
    {
      name: 'a grouping that does not exist',
      body: { from: '2026-03-02', to: '2026-03-03', groupBy: 'kiosk' },
      message: 'groupBy',
    },
    {
      name: 'a date that is not a date',
      body: { from: '2026-13-01', to: '2026-03-03', groupBy: 'day' },
      message: 'from',
    },
  ])('$name is a bad request that says why', async ({ body, message }) => {
    const { status, json } = await post(body);
    expect(status).toBe(400);
    expect(json).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    expect((json as { error: { message: string } }).error.message).toContain(message);
  });

  test('an officer is refused, and so is a request without a sign-in', async () => {
    const body = { from: '2026-03-02', to: '2026-03-03', groupBy: 'day' };
    expect(await post(body, await server.login('petugas1'))).toMatchObject({
      status: 403,
      json: { error: { code: 'FORBIDDEN' } },
    });
    expect(await post(body, '')).toMatchObject({
      status: 401,
      json: { error: { code: 'UNAUTHENTICATED' } },
    });
  });
});
