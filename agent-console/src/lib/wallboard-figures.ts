import type { IkmView, QueueSnapshot } from '@loket/shared';

/** What the wallboard shows, worked out from the manager's live queue. */
export interface WallboardFigures {
  waiting: number;
  /** The longest wait now: it keeps growing between the server's updates while anyone waits. */
  longestWaitMs: number;
  inCall: number;
  /** Officers signed in and not off duty (available, ringing, in a call, in wrap-up or on a break). */
  onDuty: number;
  available: number;
  serviceLevel: number | null;
  serviceLevelTargetMs: number;
  serviceLevelGoal: number;
  averageSpeedOfAnswerMs: number | null;
  ikm: IkmView | null;
}

/** The wallboard's figures at `now` (server time) from the live queue. */
export function wallboardFigures(queue: QueueSnapshot, now: number): WallboardFigures {
  const { counters, tickets, agents } = queue;
  return {
    waiting: counters.waiting,
    longestWaitMs: counters.waiting > 0 ? counters.longestWaitMs + Math.max(0, now - queue.at) : 0,
    inCall: tickets.filter((ticket) => ticket.status === 'in_call').length,
    onDuty: agents.filter((agent) => agent.status !== 'offline').length,
    available: agents.filter((agent) => agent.status === 'available').length,
    serviceLevel: counters.serviceLevel,
    serviceLevelTargetMs: counters.serviceLevelTargetMs,
    serviceLevelGoal: counters.serviceLevelGoal,
    averageSpeedOfAnswerMs: counters.averageSpeedOfAnswerMs,
    ikm: counters.ikm,
  };
}
