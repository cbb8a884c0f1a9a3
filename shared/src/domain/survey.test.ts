import { describe, expect, it } from 'vitest';
import { SubmitSurvey, SURVEY_COMMENT_MAX_LENGTH } from './survey.js';

const ticketId = 'ticket-1';

describe('a survey with a comment', () => {
  it.each([
    { name: 'trimmed', comment: '  Pelayanan cepat.  ', expected: 'Pelayanan cepat.' },
    { name: 'with control characters as spaces', comment: 'a\u0000b\tc\nd', expected: 'a b c d' },
    { name: 'of only spaces, as none', comment: '   ', expected: null },
    {
      name: 'at the limit',
      comment: 'x'.repeat(SURVEY_COMMENT_MAX_LENGTH),
      expected: 'x'.repeat(SURVEY_COMMENT_MAX_LENGTH),
    },
  ])('is stored $name', ({ comment, expected }) => {
    const parsed = SubmitSurvey.parse({ ticketId, overall: 4, scores: {}, comment });
    expect(parsed.comment).toBe(expected);
  });

  it('is a whole survey on its own, without any score', () => {
    expect(SubmitSurvey.parse({ ticketId, overall: null, scores: {}, comment: 'Ramah' })).toEqual({
      ticketId,
      overall: null,
      scores: {},
      comment: 'Ramah',
    });
  });

  it.each([
    { name: 'longer than the limit', comment: 'x'.repeat(SURVEY_COMMENT_MAX_LENGTH + 1) },
    { name: 'of only spaces and no score', comment: ' \n ' },
    { name: 'that is not text', comment: 42 },
  ])('is refused when $name', ({ comment }) => {
    expect(SubmitSurvey.safeParse({ ticketId, overall: null, scores: {}, comment }).success).toBe(
      false,
    );
  });
});
