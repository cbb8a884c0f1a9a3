import {
  DEFAULT_CALLBACK_RETENTION_DAYS,
  DEFAULT_COMMENT_RETENTION_DAYS,
  type Retention,
} from '@loket/shared';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What an office says about keeping personal data: its own periods, or the defaults. */
export function retentionOf(office: {
  callback_retention_days: number | null;
  comment_retention_days: number | null;
  summary_retention_days: number;
}): Retention {
  return {
    callbackDays: office.callback_retention_days ?? DEFAULT_CALLBACK_RETENTION_DAYS,
    commentDays: office.comment_retention_days ?? DEFAULT_COMMENT_RETENTION_DAYS,
    summaryDays: office.summary_retention_days,
  };
}

/**
 * The newest moment a survey comment may have been given and be due for erasure at `now`: one
 * kept for `days` days is erased on the day its period ends.
 */
export function commentsGivenBy(days: number, now: number): number {
  return now - days * DAY_MS;
}

/**
 * Whether a closed call-back's number is due for erasure at `now`: its period (as the visitor was
 * told when they agreed, else the office's) has passed since the call-back was closed. An open
 * call-back keeps its number: the office still needs it to call back.
 */
export function callbackNumberDue(
  callback: { closed_at: number | null; kept_days: number | null; erased_at: number | null },
  officeDays: number,
  now: number,
): boolean {
  if (callback.closed_at === null || callback.erased_at !== null) return false;
  return now >= callback.closed_at + (callback.kept_days ?? officeDays) * DAY_MS;
}
