import {
  NEED_IDS,
  NO_OUTCOME,
  type Disposition,
  PRIORITY_NEEDS,
  needOf,
  type Report,
  type ReportRequest,
  type ReportRow,
} from '@loket/shared';
import {
  dayOfNumber,
  dayStart,
  periodOf,
  periodsBetween,
  zoneSpans,
  type Period,
} from '../core/report-periods.js';
import type { Db } from '../store/database.js';
import { listServices } from '../store/repositories/offices.js';
import {
  tallyCallbacks,
  tallySurveys,
  tallyTickets,
  type ReportScope,
} from '../store/repositories/reports.js';
import { listUsersOfOffice } from '../store/repositories/users.js';
import { emptyTally, figuresOf, mergeTally, tallyByKey, type Tally } from './report-tally.js';

/** Where a report is made: the office, its time zone and its service-level target. */
export interface ReportSetting {
  officeId: string;
  timeZone: string;
  serviceLevelTargetMs: number;
  /** The outcomes the office lists now, in its order; rows by outcome follow it. */
  dispositions: readonly Disposition[];
}

/** Needs whose visitors sign: their service level is also given on its own. */
const SIGNING_NEEDS = NEED_IDS.filter((need) => needOf(need).signing);

/** Each query of a scope; on PostgreSQL they run side by side on the pool's connections. */
async function tallies(db: Db, scope: ReportScope, targetMs: number) {
  const [tickets, callbacks, surveys] = await Promise.all([
    tallyTickets(db, scope, targetMs, SIGNING_NEEDS),
    tallyCallbacks(db, scope),
    tallySurveys(db, scope),
  ]);
  return { tickets, callbacks, surveys };
}

/** The sum of some tallies. */
function sumOf(tallies: Iterable<Tally>): Tally {
  const total = emptyTally();
  for (const tally of tallies) mergeTally(total, tally);
  return total;
}

const nextDay = (day: string) => dayOfNumber(Date.parse(`${day}T00:00:00Z`) / 86_400_000 + 1);

/** The rows of a report cut by period: each day's tallies, gathered into its period. */
async function byPeriod(
  db: Db,
  request: ReportRequest & { groupBy: Period },
  setting: ReportSetting,
  range: { from: number; to: number },
) {
  const tallied = new Map<string | null, Tally>();
  for (const span of zoneSpans(range.from, range.to, setting.timeZone)) {
    const scope: ReportScope = {
      officeId: setting.officeId,
      from: span.from,
      to: span.to,
      key: { by: 'day', offsetMs: span.offsetMs },
    };
    tallyByKey(
      await tallies(db, scope, setting.serviceLevelTargetMs),
      (key) => periodOf(dayOfNumber(Number(key)), request.groupBy),
      tallied,
    );
  }
  const total = sumOf(tallied.values());
  const rows = periodsBetween(request.from, request.to, request.groupBy).map((key) => ({
    key,
    name: null,
    tally: tallied.get(key) ?? emptyTally(),
  }));
  return { rows, total };
}

/** A report of an office over a range of its days, cut as asked, with the range's figures. */
export async function officeReport(
  db: Db,
  request: ReportRequest,
  setting: ReportSetting,
): Promise<Report> {
  const range = {
    from: dayStart(request.from, setting.timeZone),
    to: dayStart(nextDay(request.to), setting.timeZone),
  };
  const tallied = async (key: ReportScope['key']) =>
    tallyByKey(
      await tallies(
        db,
        { officeId: setting.officeId, ...range, key },
        setting.serviceLevelTargetMs,
      ),
    );

  let rows: { key: string; name: ReportRow['name']; tally: Tally }[];
  let total: Tally;
  const { groupBy } = request;
  if (groupBy === 'day' || groupBy === 'week' || groupBy === 'month') {
    ({ rows, total } = await byPeriod(db, { ...request, groupBy }, setting, range));
  } else if (groupBy === 'service') {
    const byService = await tallied({ by: 'service' });
    const services = await listServices(db, setting.officeId);
    const named = new Map(services.map((s) => [s.id, { id: s.name_id, en: s.name_en }]));
    const keys = [...new Set([...named.keys(), ...byService.keys()])].filter(
      (key): key is string => key !== null,
    );
    rows = keys.map((key) => ({
      key,
      name: named.get(key) ?? null,
      tally: byService.get(key) ?? emptyTally(),
    }));
    // Every ticket, call-back and survey has a service: the rows add up to the whole.
    total = sumOf(byService.values());
  } else if (groupBy === 'officer') {
    const byOfficer = await tallied({ by: 'officer' });
    const users = new Map(
      (await listUsersOfOffice(db, setting.officeId)).map((u) => [u.id, u.display_name]),
    );
    rows = [...byOfficer]
      .filter((entry): entry is [string, Tally] => entry[0] !== null)
      .map(([key, tally]) => {
        const name = users.get(key) ?? key;
        return { key, name: { id: name, en: name }, tally };
      })
      .sort((a, b) => a.name.id.localeCompare(b.name.id));
    // Tickets nobody answered have no officer: they count in the whole, in no row.
    total = sumOf(byOfficer.values());
  } else if (groupBy === 'outcome') {
    const byOutcome = await tallied({ by: 'outcome' });
    const named = new Map(setting.dispositions.map((d) => [d.id, d.label]));
    // Outcomes no longer listed still name their visits' rows, by id, after the listed ones.
    const keys = [
      ...named.keys(),
      ...[...byOutcome.keys()].filter((key): key is string => key !== null && !named.has(key)),
    ];
    rows = [
      ...keys.map((key) => ({
        key,
        name: named.get(key) ?? null,
        tally: byOutcome.get(key) ?? emptyTally(),
      })),
      { key: NO_OUTCOME, name: null, tally: byOutcome.get(null) ?? emptyTally() },
    ];
    // Call-backs and surveys belong to no outcome, but the whole counts them.
    total = sumOf((await tallied({ by: 'all' })).values());
  } else {
    // Visitors declare few combinations of needs: each is tallied once, then gathered per need.
    const byNeeds = [...(await tallied({ by: 'needs' }))].map(
      ([stored, tally]) => [new Set((stored ?? '').split(',')), tally] as const,
    );
    const where = (holds: (needs: Set<string>) => boolean) =>
      sumOf(byNeeds.filter(([needs]) => holds(needs)).map(([, tally]) => tally));
    rows = [
      ...NEED_IDS.map((need) => ({ key: need, tally: where((needs) => needs.has(need)) })),
      {
        key: 'priority',
        tally: where((needs) => PRIORITY_NEEDS.some((need) => needs.has(need))),
      },
      { key: 'none', tally: where((needs) => !NEED_IDS.some((need) => needs.has(need))) },
    ].map((row) => ({ ...row, name: null }));
    total = sumOf(byNeeds.map(([, tally]) => tally));
    // Call-backs record no needs, but the whole counts them.
    const [callbacks] = await tallyCallbacks(db, {
      officeId: setting.officeId,
      ...range,
      key: { by: 'all' },
    });
    total.callbacks = callbacks?.callbacks ?? 0;
  }
  const callbacksRecorded = groupBy !== 'need' && groupBy !== 'outcome';
  return {
    from: request.from,
    to: request.to,
    groupBy,
    timeZone: setting.timeZone,
    serviceLevelTargetMs: setting.serviceLevelTargetMs,
    rows: rows.map(({ key, name, tally }) => ({
      key,
      name,
      figures: figuresOf(tally, callbacksRecorded),
    })),
    total: figuresOf(total, true),
  };
}
