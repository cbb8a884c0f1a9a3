import type { QueueCounters } from '@loket/shared';
import { serviceDay } from '../core/ticket-number.js';
import type { Db } from '../store/database.js';
import { countOpenCallbacks } from '../store/repositories/callbacks.js';
import { listAnswersSince } from '../store/repositories/calls.js';
import { listSurveysSince } from '../store/repositories/surveys.js';
import { listTicketsCreatedSince } from '../store/repositories/tickets.js';
import { ikmOf } from './survey-answers.js';

/** What an office counts as good service: answered within `targetMs`, for `goal` of visitors. */
export interface ServiceLevelPolicy {
  targetMs: number;
  goal: number;
}

/** Today's figures of an office, from the tickets and calls of its current service day. */
export async function todaysCounters(
  db: Db,
  officeId: string,
  timeZone: string,
  now: number,
  policy: ServiceLevelPolicy,
): Promise<QueueCounters> {
  const day = serviceDay(now, timeZone);
  // Look back a little over a day and keep only rows of today's service day in the office's zone.
  const since = now - 26 * 3600 * 1000;
  const tickets = await listTicketsCreatedSince(db, officeId, since);
  const today = tickets.filter((t) => serviceDay(t.created_at, timeZone) === day);
  const calls = await listAnswersSince(db, officeId, since);
  // A transferred visitor is answered more than once; the first answer counts.
  const firstAnswer = new Map<string, number>();
  for (const call of calls) {
    if (serviceDay(call.created_at, timeZone) !== day) continue;
    const wait = call.started_at - call.created_at;
    firstAnswer.set(call.id, Math.min(firstAnswer.get(call.id) ?? Infinity, wait));
  }
  const answers = [...firstAnswer.values()];
  const waiting = today.filter((t) => t.status === 'waiting' || t.status === 'offered');
  const finished = today.filter((t) => ['done', 'cancelled', 'abandoned'].includes(t.status));
  const lost = finished.filter((t) => t.status !== 'done').length;
  const openCallbacks = await countOpenCallbacks(db, officeId);
  const surveys = (await listSurveysSince(db, officeId, since)).filter(
    (survey) => serviceDay(survey.created_at, timeZone) === day,
  );
  return {
    waiting: waiting.length,
    longestWaitMs: waiting.length ? Math.max(...waiting.map((t) => now - t.created_at)) : 0,
    averageSpeedOfAnswerMs: answers.length
      ? Math.round(answers.reduce((a, b) => a + b, 0) / answers.length)
      : null,
    abandonmentRate: finished.length ? lost / finished.length : null,
    serviceLevel: answers.length
      ? answers.filter((ms) => ms <= policy.targetMs).length / answers.length
      : null,
    serviceLevelTargetMs: policy.targetMs,
    serviceLevelGoal: policy.goal,
    openCallbacks,
    ikm: ikmOf(surveys),
  };
}
