import { SKM_ELEMENTS, type IkmView } from '@loket/shared';
import { ikmView, type ElementAnswers } from '../core/ikm.js';
import type { SurveyRow } from '../store/schema.js';

/** The column of each SKM element, in the regulation's order U1–U9. */
const COLUMNS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;

/** Each element's answers (sum and count) over a set of surveys. */
export function elementAnswers(surveys: readonly SurveyRow[]): ElementAnswers[] {
  return SKM_ELEMENTS.map((element, index) => {
    const scores = surveys.map((s) => s[COLUMNS[index]!]).filter((v): v is number => v !== null);
    return { element, total: scores.reduce((a, b) => a + b, 0), count: scores.length };
  });
}

/** The index over a set of surveys; only those that answered an element count as respondents. */
export function ikmOf(surveys: readonly SurveyRow[]): IkmView | null {
  const answered = surveys.filter((s) => COLUMNS.some((column) => s[column] !== null));
  return ikmView(elementAnswers(answered), answered.length);
}

/** A survey's element scores as its row's columns. */
export function surveyColumns(
  scores: Partial<Record<(typeof SKM_ELEMENTS)[number], number>>,
): Pick<SurveyRow, (typeof COLUMNS)[number]> {
  const row = {} as Pick<SurveyRow, (typeof COLUMNS)[number]>;
  SKM_ELEMENTS.forEach((element, index) => {
    row[COLUMNS[index]!] = scores[element] ?? null;
  });
  return row;
}
