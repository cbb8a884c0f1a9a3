import { z } from 'zod';
import { Id } from './ids.js';
import { SKM_ELEMENTS, type SkmElementName } from './skm-elements.js';

/** One element of the SKM. */
export const SkmElement = z.enum(SKM_ELEMENTS);
/** One element of the SKM. */
export type SkmElement = SkmElementName;

/** The regulation's four-point scale: 1 not good … 4 very good. */
export const SkmScore = z.literal([1, 2, 3, 4]);
/** A score on the SKM's four-point scale. */
export type SkmScore = z.infer<typeof SkmScore>;

/** Longest comment a visitor may leave with the survey, in characters. */
export const SURVEY_COMMENT_MAX_LENGTH = 500;

/**
 * A visitor's own words about the visit, as typed on the kiosk's on-screen keyboard. Control
 * characters (which no key types, and which would break a CSV or a log line) become spaces; the
 * result is trimmed, and nothing left means no comment (null).
 */
export const SurveyComment = z
  .string()
  .transform((text) => text.replace(/\p{Cc}/gu, ' ').trim())
  .pipe(z.string().max(SURVEY_COMMENT_MAX_LENGTH))
  .transform((text) => (text === '' ? null : text));

/**
 * A visitor's answers after their visit; every question and the comment may be left out, but not
 * all of them.
 */
export const SubmitSurvey = z
  .object({
    ticketId: Id,
    /** How the visit went overall (not an SKM element; shown beside the index). */
    overall: SkmScore.nullable(),
    scores: z.partialRecord(SkmElement, SkmScore),
    /** Personal data: the office erases it after its retention period. */
    comment: SurveyComment.optional(),
    /** The visitor asks for the comment to be handled as a complaint (SP4N-LAPOR!). */
    complaint: z.boolean().optional(),
  })
  .refine(
    (survey) =>
      survey.overall !== null ||
      Object.keys(survey.scores).length > 0 ||
      (survey.comment ?? null) !== null,
    { message: 'an empty survey is a skipped one' },
  )
  .refine((survey) => !survey.complaint || (survey.comment ?? null) !== null, {
    message: 'a complaint needs the comment that says it',
    path: ['complaint'],
  });
/** A visitor's answers after their visit. */
export type SubmitSurvey = z.infer<typeof SubmitSurvey>;

/** The published quality bands of the index: A very good … D not good. */
export const IkmBand = z.enum(['A', 'B', 'C', 'D']);
/** A quality band of the index. */
export type IkmBand = z.infer<typeof IkmBand>;

/** The satisfaction index over some surveys (today's, a report's period). */
export const IkmView = z.object({
  /** The index on the regulation's 25–100 scale, two decimals. */
  index: z.number().min(25).max(100),
  band: IkmBand,
  /** Surveys it is computed from. */
  respondents: z.number().int().positive(),
});
/** The satisfaction index over some surveys. */
export type IkmView = z.infer<typeof IkmView>;
