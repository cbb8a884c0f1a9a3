import {
  NEED_IDS,
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
}

/** Needs whose visitors sign: their service level is also given on its own. */
const SIGNING_NEEDS = NEED_IDS.filter((need) => needOf(need).signing);

/** Each query of a scope, run in turn (one connection serves them all on SQLite anyway). */
async function tallies(db: Db, scope: ReportScope, targetMs: number) {
  return {
    tickets: await tallyTickets(db, scope, targetMs, SIGNING_NEEDS),
    callbacks: await tallyCallbacks(db, scope),
    surveys: await tallySurveys(db, scope),
  };
}

const nextDay = (day: string) => dayOfNumber(Date.parse(`${day}T00:00:00Z`) / 86_400_000 + 1);

/** The rows of a report cut by period: each day's tallies, gathered into its period. */
async function byPeriod(
  db: Db,
  request: ReportRequest & { groupBy: Period },
  setting: ReportSetting,
  range: { from: number; to: number },
) {
  const tallied = new Map<string, Tally>();
  for (const span of zoneSpans(range.from, range.to, setting.timeZone)) {
    const scope: ReportScope = {
      officeId: setting.officeId,
      from: span.from,
      to: span.to,
      key: { by: 'day', offsetMs: span.offsetMs },
      needs: null,
    };
    tallyByKey(
      await tallies(db, scope, setting.serviceLevelTargetMs),
      (key) => periodOf(dayOfNumber(Number(key)), request.groupBy),
      tallied,
    );
  }
  const total = emptyTally();
  for (const tally of tallied.values()) mergeTally(total, tally);
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
  const scope = (key: ReportScope['key'], needs: ReportScope['needs'] = null): ReportScope => ({
    officeId: setting.officeId,
    ...range,
    key,
    needs,
  });
  const whole = async () =>
    tallyByKey(await tallies(db, scope({ by: 'all' }), setting.serviceLevelTargetMs)).get('all') ??
    emptyTally();

  let rows: { key: string; name: ReportRow['name']; tally: Tally }[];
  let total: Tally;
  const { groupBy } = request;
  if (groupBy === 'day' || groupBy === 'week' || groupBy === 'month') {
    ({ rows, total } = await byPeriod(db, { ...request, groupBy }, setting, range));
  } else if (groupBy === 'service') {
    const tallied = tallyByKey(
      await tallies(db, scope({ by: 'service' }), setting.serviceLevelTargetMs),
    );
    const services = await listServices(db, setting.officeId);
    const named = new Map(services.map((s) => [s.id, { id: s.name_id, en: s.name_en }]));
    const keys = [...new Set([...named.keys(), ...tallied.keys()])];
    rows = keys.map((key) => ({
      key,
      name: named.get(key) ?? null,
      tally: tallied.get(key) ?? emptyTally(),
    }));
    total = await whole();
  } else if (groupBy === 'officer') {
    const tallied = tallyByKey(
      await tallies(db, scope({ by: 'officer' }), setting.serviceLevelTargetMs),
    );
    const users = new Map(
      (await listUsersOfOffice(db, setting.officeId)).map((u) => [u.id, u.display_name]),
    );
    rows = [...tallied]
      .map(([key, tally]) => {
        const name = users.get(key) ?? key;
        return { key, name: { id: name, en: name }, tally };
      })
      .sort((a, b) => a.name.id.localeCompare(b.name.id));
    total = await whole();
  } else {
    const cuts: [string, ReportScope['needs']][] = [
      ...NEED_IDS.map((need): [string, ReportScope['needs']] => [need, { anyOf: [need] }]),
      ['priority', { anyOf: PRIORITY_NEEDS }],
      ['none', 'none'],
    ];
    rows = [];
    for (const [key, needs] of cuts) {
      const found = await tallies(db, scope({ by: 'all' }, needs), setting.serviceLevelTargetMs);
      rows.push({ key, name: null, tally: tallyByKey(found).get('all') ?? emptyTally() });
    }
    total = await whole();
  }
  const callbacksRecorded = groupBy !== 'need';
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
