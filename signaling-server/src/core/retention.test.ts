import { describe, expect, it } from 'vitest';
import { callbackNumberDue, commentsGivenBy, retentionOf } from './retention.js';

const DAY = 24 * 60 * 60 * 1000;
const closedAt = 1_700_000_000_000;

describe('retention of call-back numbers', () => {
  it.each([
    ['open, however old', { closed_at: null, kept_days: 30, erased_at: null }, 400 * DAY, false],
    [
      'closed a day short of its 30 days',
      { closed_at: closedAt, kept_days: 30, erased_at: null },
      29 * DAY,
      false,
    ],
    [
      'closed exactly 30 days ago',
      { closed_at: closedAt, kept_days: 30, erased_at: null },
      30 * DAY,
      true,
    ],
    [
      'closed long ago, already erased',
      { closed_at: closedAt, kept_days: 30, erased_at: closedAt },
      90 * DAY,
      false,
    ],
    [
      'kept as the visitor was told (7 days), not the office’s 30',
      { closed_at: closedAt, kept_days: 7, erased_at: null },
      8 * DAY,
      true,
    ],
    [
      'told nothing: the office’s 30 days',
      { closed_at: closedAt, kept_days: null, erased_at: null },
      8 * DAY,
      false,
    ],
  ])('%s → due: %s', (_case, callback, after, due) => {
    expect(callbackNumberDue(callback, 30, closedAt + after)).toBe(due);
  });

  it('takes the office’s periods, or 30 days for numbers and 90 for comments when it sets none', () => {
    expect(
      retentionOf({
        callback_retention_days: 14,
        comment_retention_days: 60,
        summary_retention_days: 7,
      }),
    ).toEqual({ callbackDays: 14, commentDays: 60, summaryDays: 7 });
    expect(
      retentionOf({
        callback_retention_days: null,
        comment_retention_days: null,
        summary_retention_days: 30,
      }),
    ).toEqual({ callbackDays: 30, commentDays: 90, summaryDays: 30 });
  });
});

describe('retention of survey comments', () => {
  it.each([
    ['given a day short of its 90 days', 89 * DAY, false],
    ['given exactly 90 days ago', 90 * DAY, true],
    ['given long ago', 400 * DAY, true],
  ])('%s → due: %s', (_case, age, due) => {
    const now = closedAt + 400 * DAY;
    expect(now - age <= commentsGivenBy(90, now)).toBe(due);
  });
});
