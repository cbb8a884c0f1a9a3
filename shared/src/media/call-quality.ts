/** How well media travels on one side of a call; `unknown` until it has been measured. */
export type CallQuality = 'unknown' | 'good' | 'fair' | 'poor' | 'lost';

/** Connection quality of both parties: this one's link, and the other party's. */
export interface CallQualityReport {
  local: CallQuality;
  remote: CallQuality;
}

/** Nothing measured yet. */
export const UNKNOWN_QUALITY: CallQualityReport = { local: 'unknown', remote: 'unknown' };

/** One measurement of a link, as far as the browser's statistics tell it. */
export interface LinkSample {
  /** Round-trip time in milliseconds, when measured. */
  roundTripMs?: number;
  /** Share of packets lost since the last sample, 0–1, when measured. */
  loss?: number;
  /** False when media is expected but none arrived since the last sample. */
  flowing?: boolean;
}

/**
 * Where a link stops being good or fair. Loss hurts a signed conversation before delay does:
 * a few per cent already freezes hands mid-sign, while 300 ms of delay still allows turn-taking.
 */
const LIMITS = {
  good: { roundTripMs: 300, loss: 0.02 },
  fair: { roundTripMs: 600, loss: 0.08 },
} as const;

function within(sample: LinkSample, limit: { roundTripMs: number; loss: number }): boolean {
  return (sample.roundTripMs ?? 0) < limit.roundTripMs && (sample.loss ?? 0) < limit.loss;
}

/** Rates one link sample. */
export function rateLink(sample: LinkSample): CallQuality {
  if (sample.flowing === false) return 'lost';
  if (sample.roundTripMs === undefined && sample.loss === undefined) return 'unknown';
  if (within(sample, LIMITS.good)) return 'good';
  if (within(sample, LIMITS.fair)) return 'fair';
  return 'poor';
}

const SEVERITY: Record<CallQuality, number> = { unknown: 0, good: 1, fair: 2, poor: 3, lost: 4 };

/** The worse of both parties' quality: what a visitor needs to know about the call as a whole. */
export function worstQuality({ local, remote }: CallQualityReport): CallQuality {
  return SEVERITY[remote] > SEVERITY[local] ? remote : local;
}

/** A level as reported, and a different one measured once that waits for a second sample. */
export interface SteadyQuality {
  reported: CallQuality;
  pending: CallQuality | null;
}

/** Nothing reported or waiting yet. */
export const UNSTEADY: SteadyQuality = { reported: 'unknown', pending: null };

/**
 * Adds one measured level. A link near a threshold flips between two levels from one sample to
 * the next; reporting a new level only once it held for two samples in a row keeps the screen
 * and its announcements from flickering.
 */
export function steadyQuality(state: SteadyQuality, measured: CallQuality): SteadyQuality {
  if (measured === state.reported) return { reported: measured, pending: null };
  if (measured === state.pending) return { reported: measured, pending: null };
  return { reported: state.reported, pending: measured };
}

const TROUBLED: ReadonlySet<CallQuality> = new Set(['poor', 'lost']);

/**
 * Whether a link going from `previous` to `next` is worth interrupting someone for: a fall to
 * poor or lost, a change between those two, and the recovery from them. Other changes are shown
 * without being announced.
 */
export function isWorthAnnouncing(previous: CallQuality, next: CallQuality): boolean {
  if (previous === next) return false;
  return TROUBLED.has(next) || (TROUBLED.has(previous) && next !== 'unknown');
}
