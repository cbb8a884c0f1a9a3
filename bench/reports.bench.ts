// Reports benchmark (issue 14): seeds a year of an office's history (BENCH_TICKETS_PER_DAY, 150 by
// default, with their calls, call-backs and surveys) into SQLite, and into PostgreSQL too when
// LOKET_TEST_POSTGRES_URL names a role that may create databases; times each report over the
// whole year (median of BENCH_RUNS), prints the figures and writes bench-results/reports.json.
// Everything it makes (temporary folder, database, connections) is removed, also on failure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_DISPOSITIONS, ReportGrouping, type ReportRequest } from '../shared/src/index.js';
import { dayStart } from '../signaling-server/src/core/report-periods.js';
import { officeReport } from '../signaling-server/src/read-models/reports.js';
import {
  isPostgres,
  migrateToLatest,
  openSqlite,
  type Db,
} from '../signaling-server/src/store/database.js';
import type {
  CallRow,
  CallbackRow,
  SurveyRow,
  TicketRow,
} from '../signaling-server/src/store/schema.js';
import { prng } from '../signaling-server/test/support/prng.js';
import { analyze, withScratchPostgres } from '../signaling-server/test/support/scratch-postgres.js';

const PER_DAY = Number(process.env.BENCH_TICKETS_PER_DAY ?? 150);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DAYS = 365;
const FIRST_DAY = '2025-01-01';
const LAST_DAY = '2025-12-31';
const ZONE = 'Asia/Jakarta';
const OFFICE = 'bench-office';
const SERVICES = ['svc-a', 'svc-b', 'svc-c', 'svc-d'];
const OFFICERS = Array.from({ length: 12 }, (_, i) => `officer-${i}`);
const KIOSK = 'bench-kiosk';
// Every grouping the reports offer, timed in the order the contract lists them.
const GROUPINGS: readonly ReportGrouping[] = ReportGrouping.options;

async function seedOffice(db: Db): Promise<void> {
  await db
    .insertInto('offices')
    .values({
      id: OFFICE,
      name_id: 'Kantor Uji',
      name_en: 'Test office',
      time_zone: ZONE,
      created_at: 0,
      hours: null,
      channels: '[]',
      survey_elements: null,
      callback_retention_days: null,
      summary_retention_days: 30,
      version: 1,
      hours_version: 1,
      dispositions_version: 1,
      quick_replies_version: 1,
    })
    .execute();
  await db
    .insertInto('services')
    .values(
      SERVICES.map((id, index) => ({
        id,
        office_id: OFFICE,
        letter: String.fromCharCode(65 + index),
        name_id: `Layanan ${index + 1}`,
        name_en: `Service ${index + 1}`,
        description_id: '',
        description_en: '',
        icon: 'document',
        sort_order: index,
        active: 1,
        avg_handle_ms: null,
        requirements: '[]',
        version: 1,
        skills: '[]',
      })),
    )
    .execute();
  await db
    .insertInto('users')
    .values(
      OFFICERS.map((id) => ({
        id,
        office_id: OFFICE,
        username: id,
        display_name: `Petugas ${id.slice(8)}`,
        role: 'agent' as const,
        password_hash: 'x',
        created_at: 0,
        version: 1,
        must_change_password: 0,
      })),
    )
    .execute();
  await db
    .insertInto('kiosks')
    .values({
      id: KIOSK,
      office_id: OFFICE,
      name: 'Kios',
      token_hash: 'bench',
      pending_token_hash: null,
      created_at: 0,
      last_seen_at: null,
      revoked_at: null,
      media_generation: 0,
      version: 1,
      health: null,
      health_at: null,
      out_of_service_at: null,
    })
    .execute();
}

async function insertAll<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

/** A year of visits from 08:00 to 16:00: most served, some transferred, abandoned or cancelled. */
async function seedYear(db: Db): Promise<number> {
  const rng = prng(14);
  const tickets: TicketRow[] = [];
  const calls: CallRow[] = [];
  const callbacks: CallbackRow[] = [];
  const surveys: SurveyRow[] = [];
  const start = dayStart(FIRST_DAY, ZONE);
  for (let day = 0; day < DAYS; day++) {
    const opens = start + day * 86_400_000 + 8 * 3_600_000;
    for (let n = 0; n < PER_DAY; n++) {
      const id = `t-${day}-${n}`;
      const at = opens + rng.int(0, 8 * 3_600_000);
      const roll = rng.next();
      const status = roll < 0.85 ? 'done' : roll < 0.93 ? 'abandoned' : 'cancelled';
      const needs = rng.chance(0.05)
        ? 'sign_language'
        : rng.chance(0.08)
          ? rng.pick(['disability', 'elderly', 'pregnant'])
          : '';
      const service = rng.pick(SERVICES);
      const wait = rng.int(2, 180) * 1000;
      tickets.push({
        id,
        office_id: OFFICE,
        service_id: service,
        kiosk_id: KIOSK,
        client_id: id,
        number: `A-${n}`,
        language: rng.chance(0.9) ? 'id' : 'en',
        status,
        needs,
        priority: needs && needs !== 'sign_language' ? 'priority' : 'normal',
        assigned_agent_id: null,
        created_at: at,
        queued_at: at,
        updated_at: at + wait,
        offered_agent_id: null,
        offer_expires_at: null,
        visit_token: null,
        consented_at: null,
        summary_token: null,
        visitor_note: null,
        earlier_ticket_id: null,
        earlier_consented_at: null,
        earlier_attempts: 0,
      });
      if (status !== 'done') continue;
      let begins = at + wait;
      const officer = rng.pick(OFFICERS);
      for (const [index, agent] of (rng.chance(0.05)
        ? [officer, rng.pick(OFFICERS)]
        : [officer]
      ).entries()) {
        const ends = begins + rng.int(60, 900) * 1000;
        calls.push({
          id: `${id}-${index}`,
          ticket_id: id,
          office_id: OFFICE,
          agent_id: agent,
          kiosk_id: KIOSK,
          transport: 'p2p',
          started_at: begins,
          ended_at: ends,
          end_reason: 'ended_by_agent',
          notes: null,
          disposition: null,
        });
        begins = ends + 5000;
      }
      if (rng.chance(0.3)) {
        const score = () => (rng.chance(0.4) ? null : rng.int(1, 4));
        surveys.push({
          id: `s-${id}`,
          office_id: OFFICE,
          ticket_id: id,
          kiosk_id: KIOSK,
          service_id: service,
          agent_id: calls.at(-1)!.agent_id,
          language: 'id',
          created_at: begins,
          overall: rng.int(1, 4),
          u1: score(),
          u2: score(),
          u3: rng.int(1, 4),
          u4: score(),
          u5: score(),
          u6: rng.int(1, 4),
          u7: rng.int(1, 4),
          u8: score(),
          u9: score(),
          comment: null,
          comment_erased_at: null,
        });
      }
    }
    for (let n = 0; n < 5; n++) {
      const closed = rng.chance(0.8);
      const at = opens + rng.int(0, 8 * 3_600_000);
      callbacks.push({
        id: `c-${day}-${n}`,
        office_id: OFFICE,
        kiosk_id: KIOSK,
        client_id: `c-${day}-${n}`,
        service_id: rng.pick(SERVICES),
        language: 'id',
        phone: '081234567890',
        status: closed ? 'closed' : 'open',
        created_at: at,
        closed_at: closed ? at + 3_600_000 : null,
        closed_by: closed ? rng.pick(OFFICERS) : null,
        outcome: null,
        kept_days: null,
        erased_at: null,
      });
    }
  }
  await insertAll(tickets, (chunk) => db.insertInto('tickets').values(chunk).execute());
  await insertAll(calls, (chunk) => db.insertInto('calls').values(chunk).execute());
  await insertAll(callbacks, (chunk) => db.insertInto('callbacks').values(chunk).execute());
  await insertAll(surveys, (chunk) => db.insertInto('surveys').values(chunk).execute());
  return tickets.length;
}

const median = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10;
};

/** Seeds a year into `db` and times each report over it; `db` is closed by the caller. */
async function benchStore(db: Db) {
  await migrateToLatest(db);
  await seedOffice(db);
  const seededAt = performance.now();
  const seeded = await seedYear(db);
  console.log(`  seeded ${seeded} tickets in ${Math.round(performance.now() - seededAt)} ms`);
  if (isPostgres(db)) await analyze(db);
  const result: Record<string, number> = { tickets_seeded: seeded };
  for (const groupBy of GROUPINGS) {
    const request: ReportRequest = { from: FIRST_DAY, to: LAST_DAY, groupBy };
    const setting = {
      officeId: OFFICE,
      timeZone: ZONE,
      serviceLevelTargetMs: 20_000,
      dispositions: DEFAULT_DISPOSITIONS,
    };
    const report = await officeReport(db, request, setting);
    const samples: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const began = performance.now();
      await officeReport(db, request, setting);
      samples.push(performance.now() - began);
    }
    const key =
      groupBy === 'day' || groupBy === 'week' || groupBy === 'month' ? groupBy : `by_${groupBy}`;
    result[`${key}_ms`] = median(samples);
    const { total } = report;
    console.log(
      `  ${groupBy.padEnd(8)} ${String(median(samples)).padStart(8)} ms  ${report.rows.length} rows` +
        `  tickets ${total.tickets}, served ${total.served}, ASA ${total.averageSpeedOfAnswerMs} ms,` +
        ` SL ${total.serviceLevel?.toFixed(3)}, IKM ${total.ikm?.index}`,
    );
  }
  return result;
}

async function benchSqlite() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-bench-reports-'));
  const db = openSqlite(path.join(dir, 'loket.db'));
  try {
    console.log('sqlite');
    return await benchStore(db);
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPostgres(adminUrl: string) {
  console.log('postgres');
  return withScratchPostgres(adminUrl, benchStore);
}

const results: Record<string, Record<string, number>> = { sqlite: await benchSqlite() };
const postgresUrl = process.env.LOKET_TEST_POSTGRES_URL;
if (postgresUrl) results.postgres = await benchPostgres(postgresUrl);
fs.mkdirSync('bench-results', { recursive: true });
fs.writeFileSync('bench-results/reports.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('wrote bench-results/reports.json');
