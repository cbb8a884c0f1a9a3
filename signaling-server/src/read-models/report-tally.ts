import { SKM_ELEMENTS, type ReportFigures } from '@loket/shared';
import { ikmView } from '../core/ikm.js';
import type { CallbackTally, SurveyTally, TicketTally } from '../store/repositories/reports.js';

/** What a report row adds up: its tickets, call-backs and surveys, which merge by addition. */
export interface Tally {
  tickets: Omit<TicketTally, 'key'>;
  callbacks: number;
  surveys: Omit<SurveyTally, 'key'>;
}

/** A tally of nothing. */
export function emptyTally(): Tally {
  return {
    tickets: {
      tickets: 0,
      served: 0,
      abandoned: 0,
      cancelled: 0,
      answered: 0,
      answerMs: 0,
      withinTarget: 0,
      signAnswered: 0,
      signWithinTarget: 0,
      handled: 0,
      handleMs: 0,
      longestWaitMs: null,
    },
    callbacks: 0,
    surveys: {
      respondents: 0,
      totals: SKM_ELEMENTS.map(() => 0),
      counts: SKM_ELEMENTS.map(() => 0),
    },
  };
}

const longest = (a: number | null, b: number | null) =>
  a === null ? b : b === null ? a : Math.max(a, b);

/** Adds one query's tallies of a key into `into`. */
function addTickets(into: Tally, from: Omit<TicketTally, 'key'>): void {
  const sum = into.tickets;
  for (const field of [
    'tickets',
    'served',
    'abandoned',
    'cancelled',
    'answered',
    'answerMs',
    'withinTarget',
    'signAnswered',
    'signWithinTarget',
    'handled',
    'handleMs',
  ] as const) {
    sum[field] += from[field];
  }
  sum.longestWaitMs = longest(sum.longestWaitMs, from.longestWaitMs);
}

function addSurveys(into: Tally, from: Omit<SurveyTally, 'key'>): void {
  into.surveys.respondents += from.respondents;
  from.totals.forEach((total, index) => (into.surveys.totals[index]! += total));
  from.counts.forEach((count, index) => (into.surveys.counts[index]! += count));
}

/** Adds one tally into another. */
export function mergeTally(into: Tally, from: Tally): void {
  addTickets(into, from.tickets);
  into.callbacks += from.callbacks;
  addSurveys(into, from.surveys);
}

/**
 * The rows of one set of queries, gathered per key (`keyOf` may map several keys to one); rows
 * without a key (no officer) gather under null.
 */
export function tallyByKey(
  found: { tickets: TicketTally[]; callbacks: CallbackTally[]; surveys: SurveyTally[] },
  keyOf: (key: string) => string = (key) => key,
  into = new Map<string | null, Tally>(),
): Map<string | null, Tally> {
  const at = (key: string | null) => {
    const mapped = key === null ? null : keyOf(key);
    let tally = into.get(mapped);
    if (!tally) into.set(mapped, (tally = emptyTally()));
    return tally;
  };
  for (const row of found.tickets) addTickets(at(row.key), row);
  for (const row of found.callbacks) at(row.key).callbacks += row.callbacks;
  for (const row of found.surveys) addSurveys(at(row.key), row);
  return into;
}

/** A row's figures from its tally; `callbacksRecorded` false where call-backs cannot count. */
export function figuresOf(tally: Tally, callbacksRecorded: boolean): ReportFigures {
  const t = tally.tickets;
  const share = (part: number, whole: number) => (whole ? part / whole : null);
  const elements: ReportFigures['elements'] = {};
  const answers = SKM_ELEMENTS.map((element, index) => {
    const total = tally.surveys.totals[index]!;
    const count = tally.surveys.counts[index]!;
    if (count) elements[element] = total / count;
    return { element, total, count };
  });
  return {
    tickets: t.tickets,
    served: t.served,
    abandoned: t.abandoned,
    cancelled: t.cancelled,
    callbacks: callbacksRecorded ? tally.callbacks : null,
    answered: t.answered,
    averageSpeedOfAnswerMs: t.answered ? Math.round(t.answerMs / t.answered) : null,
    averageHandleMs: t.handled ? Math.round(t.handleMs / t.handled) : null,
    serviceLevel: share(t.withinTarget, t.answered),
    signLanguageServiceLevel: share(t.signWithinTarget, t.signAnswered),
    longestWaitMs: t.longestWaitMs,
    ikm: ikmView(answers, tally.surveys.respondents),
    elements,
  };
}
