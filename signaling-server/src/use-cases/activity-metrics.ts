import { Counter, Histogram, type Registry } from 'prom-client';
import type { Telemetry } from '../context/telemetry.js';

const MINUTE = 60;

/**
 * The counters and histograms of what happens in the queue and in calls, filled as use cases
 * commit. Buckets are in seconds and cover what an office meets: waits of seconds to an hour,
 * offers that ring up to their timeout, calls of a minute to an hour.
 */
export function activityMetrics(registry: Registry): Telemetry {
  const registers = [registry];
  const waiting = new Histogram({
    name: 'loket_waiting_time_seconds',
    help: 'How long visitors waited from taking a ticket to an officer accepting it (first answer).',
    labelNames: ['office', 'service'],
    buckets: [5, 10, 20, 30, MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 20 * MINUTE, 60 * MINUTE],
    registers,
  });
  const offers = new Counter({
    name: 'loket_offers_total',
    help: 'Offers that ended, by outcome: accepted, declined, expired (missed), withdrawn (visitor left), abandoned (console gone).',
    labelNames: ['office', 'service', 'outcome'],
    registers,
  });
  const answer = new Histogram({
    name: 'loket_offer_answer_seconds',
    help: 'How long an offer rang before it ended, by outcome.',
    labelNames: ['office', 'outcome'],
    buckets: [1, 2, 3, 5, 8, 10, 15, 20, 30, MINUTE],
    registers,
  });
  const started = new Counter({
    name: 'loket_calls_started_total',
    help: 'Calls started, by media path (p2p or livekit).',
    labelNames: ['office', 'transport'],
    registers,
  });
  const ended = new Counter({
    name: 'loket_calls_ended_total',
    help: 'Calls ended, by media path and why.',
    labelNames: ['office', 'transport', 'reason'],
    registers,
  });
  const duration = new Histogram({
    name: 'loket_call_duration_seconds',
    help: 'How long calls lasted, by media path.',
    labelNames: ['office', 'transport'],
    buckets: [
      30,
      MINUTE,
      2 * MINUTE,
      5 * MINUTE,
      10 * MINUTE,
      15 * MINUTE,
      30 * MINUTE,
      60 * MINUTE,
    ],
    registers,
  });
  return {
    offerEnded({ officeId, serviceId }, outcome, answerMs) {
      offers.inc({ office: officeId, service: serviceId, outcome });
      answer.observe({ office: officeId, outcome }, answerMs / 1000);
    },
    visitorAnswered({ officeId, serviceId }, waitedMs) {
      waiting.observe({ office: officeId, service: serviceId }, waitedMs / 1000);
    },
    callStarted(officeId, transport) {
      started.inc({ office: officeId, transport });
    },
    callEnded(officeId, transport, reason, durationMs) {
      ended.inc({ office: officeId, transport, reason });
      duration.observe({ office: officeId, transport }, durationMs / 1000);
    },
  };
}
