import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../database.js';

const DAY_MS = 86_400_000;

/**
 * How the rows of a report query are keyed: by the wall-clock day number of their time (the
 * zone's offset over the queried span is constant), by service, by officer, by the visitor's
 * declared needs as stored (a handful of combinations), or all as one.
 */
export type ReportKey =
  { by: 'day'; offsetMs: number } | { by: 'service' | 'officer' | 'needs' | 'outcome' | 'all' };

/** The rows a report query reads: an office's, taken in `[from, to)`, keyed as asked. */
export interface ReportScope {
  officeId: string;
  from: number;
  to: number;
  key: ReportKey;
}

/** Tickets of one key: counts, and sums from which averages and shares are made. */
export interface TicketTally {
  /** Null for rows without one: a ticket nobody answered has no officer. */
  key: string | null;
  tickets: number;
  served: number;
  abandoned: number;
  cancelled: number;
  answered: number;
  answerMs: number;
  withinTarget: number;
  signAnswered: number;
  signWithinTarget: number;
  handled: number;
  handleMs: number;
  longestWaitMs: number | null;
}

/** Call-backs of one key. */
export interface CallbackTally {
  key: string | null;
  callbacks: number;
}

/** Surveys of one key: each element's sum and number of answers (U1–U9), and respondents. */
export interface SurveyTally {
  key: string | null;
  respondents: number;
  totals: number[];
  counts: number[];
}

const ELEMENT_COLUMNS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;

/** A LIKE pattern that finds one need in a comma-separated list, its `_` taken literally. */
const needPattern = (need: string) => `%,${need.replaceAll('_', '\\_')},%`;

const hasNeed = (needs: RawBuilder<unknown>, need: string) =>
  sql`(',' || ${needs} || ',') like ${needPattern(need)} escape '\\'`;

/** The columns a row is keyed by: when it happened, its service, officer and visitor's needs. */
interface KeyColumns {
  time: RawBuilder<unknown>;
  service: RawBuilder<unknown>;
  officer: RawBuilder<unknown>;
  needs: RawBuilder<unknown>;
  outcome: RawBuilder<unknown>;
}

function keyOf(key: ReportKey, columns: KeyColumns): RawBuilder<unknown> {
  switch (key.by) {
    case 'day':
      // Literals, not parameters: a parameter bound as a float would make the division inexact.
      return sql`(${columns.time} + ${sql.lit(Math.trunc(key.offsetMs))}) / ${sql.lit(DAY_MS)}`;
    case 'service':
      return columns.service;
    case 'officer':
      return columns.officer;
    case 'needs':
      return columns.needs;
    case 'outcome':
      return columns.outcome;
    case 'all':
      return sql`'all'`;
  }
}

const count = (value: unknown) => Number(value ?? 0);
const keyOfRow = (key: unknown) => (key === null ? null : String(key));

/**
 * Tickets taken in the scope, tallied per key in the database. A ticket's officer is the one of
 * its last call; its answer is its first call; its handle time is the time of all its calls.
 */
export async function tallyTickets(
  db: Db,
  scope: ReportScope,
  targetMs: number,
  signingNeeds: readonly string[],
): Promise<TicketTally[]> {
  const { officeId, from, to } = scope;
  const key = keyOf(scope.key, {
    time: sql.ref('t.created_at'),
    service: sql.ref('t.service_id'),
    officer: sql.ref('last_call.agent_id'),
    needs: sql.ref('t.needs'),
    outcome: sql.ref('last_call.disposition'),
  });
  const signing = signingNeeds.length
    ? sql.join(
        signingNeeds.map((need) => hasNeed(sql.ref('r.needs'), need)),
        sql` or `,
      )
    : sql`1 = 0`;
  const answeredInTime = sql`r.answer_ms <= ${targetMs}`;
  const { rows } = await sql<Record<string, unknown>>`
    select r.key as key,
      count(*) as tickets,
      sum(case when r.status = 'done' then 1 else 0 end) as served,
      sum(case when r.status = 'abandoned' then 1 else 0 end) as abandoned,
      sum(case when r.status = 'cancelled' then 1 else 0 end) as cancelled,
      count(r.answer_ms) as answered,
      sum(r.answer_ms) as answer_ms,
      sum(case when ${answeredInTime} then 1 else 0 end) as within_target,
      sum(case when r.answer_ms is not null and (${signing}) then 1 else 0 end) as sign_answered,
      sum(case when ${answeredInTime} and (${signing}) then 1 else 0 end) as sign_within_target,
      count(r.handle_ms) as handled,
      sum(r.handle_ms) as handle_ms,
      max(coalesce(r.answer_ms, case when r.status in ('cancelled', 'abandoned')
        then r.updated_at - r.created_at end)) as longest_wait_ms
    from (
      select ${key} as key, t.status, t.needs, t.created_at, t.updated_at,
        a.first_at - t.created_at as answer_ms, a.handle_ms
      from tickets t
      left join (
        select ticket_id, min(started_at) as first_at, max(started_at) as last_at,
          sum(ended_at - started_at) as handle_ms
        from calls
        where office_id = ${officeId} and started_at >= ${from} and started_at < ${to + 2 * DAY_MS}
        group by ticket_id
      ) a on a.ticket_id = t.id
      ${
        scope.key.by === 'officer' || scope.key.by === 'outcome'
          ? sql`left join calls last_call
              on last_call.ticket_id = t.id and last_call.started_at = a.last_at`
          : sql``
      }
      where t.office_id = ${officeId} and t.created_at >= ${from} and t.created_at < ${to}
    ) r
    group by r.key`.execute(db);
  return rows.map((row) => ({
    key: keyOfRow(row.key),
    tickets: count(row.tickets),
    served: count(row.served),
    abandoned: count(row.abandoned),
    cancelled: count(row.cancelled),
    answered: count(row.answered),
    answerMs: count(row.answer_ms),
    withinTarget: count(row.within_target),
    signAnswered: count(row.sign_answered),
    signWithinTarget: count(row.sign_within_target),
    handled: count(row.handled),
    handleMs: count(row.handle_ms),
    longestWaitMs: row.longest_wait_ms === null ? null : count(row.longest_wait_ms),
  }));
}

/**
 * Call-backs asked for in the scope, per key: by officer, those the officer closed. Call-backs
 * record no needs and no outcome, so keyed by either there are none.
 */
export async function tallyCallbacks(db: Db, scope: ReportScope): Promise<CallbackTally[]> {
  if (scope.key.by === 'needs' || scope.key.by === 'outcome') return [];
  const key = keyOf(scope.key, {
    time: sql.ref('t.created_at'),
    service: sql.ref('t.service_id'),
    officer: sql.ref('t.closed_by'),
    needs: sql`null`,
    outcome: sql`null`,
  });
  const { rows } = await sql<Record<string, unknown>>`
    select r.key as key, count(*) as callbacks
    from (
      select ${key} as key from callbacks t
      where t.office_id = ${scope.officeId} and t.created_at >= ${scope.from}
        and t.created_at < ${scope.to}
    ) r
    group by r.key`.execute(db);
  return rows.map((row) => ({ key: keyOfRow(row.key), callbacks: count(row.callbacks) }));
}

/**
 * Surveys given in the scope, per key: by officer, those of the officer's visits. A survey is not
 * tied to one call, so keyed by outcome there are none.
 */
export async function tallySurveys(db: Db, scope: ReportScope): Promise<SurveyTally[]> {
  if (scope.key.by === 'outcome') return [];
  const key = keyOf(scope.key, {
    time: sql.ref('s.created_at'),
    service: sql.ref('s.service_id'),
    officer: sql.ref('s.agent_id'),
    needs: sql.ref('t.needs'),
    outcome: sql`null`,
  });
  const columns = ELEMENT_COLUMNS.map((column) => sql.ref(`s.${column}`));
  const { rows } = await sql<Record<string, unknown>>`
    select r.key as key,
      sum(case when ${sql.join(
        ELEMENT_COLUMNS.map((column) => sql`r.${sql.ref(column)} is not null`),
        sql` or `,
      )} then 1 else 0 end) as respondents,
      ${sql.join(
        ELEMENT_COLUMNS.map(
          (column) =>
            sql`sum(r.${sql.ref(column)}) as ${sql.ref(`${column}_total`)}, count(r.${sql.ref(column)}) as ${sql.ref(`${column}_count`)}`,
        ),
      )}
    from (
      select ${key} as key, ${sql.join(columns)}
      from surveys s
      ${scope.key.by === 'needs' ? sql`inner join tickets t on t.id = s.ticket_id` : sql``}
      where s.office_id = ${scope.officeId} and s.created_at >= ${scope.from}
        and s.created_at < ${scope.to}
    ) r
    group by r.key`.execute(db);
  return rows.map((row) => ({
    key: keyOfRow(row.key),
    respondents: count(row.respondents),
    totals: ELEMENT_COLUMNS.map((column) => count(row[`${column}_total`])),
    counts: ELEMENT_COLUMNS.map((column) => count(row[`${column}_count`])),
  }));
}
