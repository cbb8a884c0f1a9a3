import type { SkmScore } from '@loket/shared';

/** How far the mouth curves for each score: a frown for 1, a broad smile for 4. */
const MOUTH: Record<SkmScore, number> = { 1: -8, 2: -3, 3: 4, 4: 9 };

/** A face for a score of the survey, beside its word (so colour or shape alone never says it). */
export function ScoreFace({ score }: { score: SkmScore }) {
  const curve = MOUTH[score];
  return (
    <svg className="face" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" strokeWidth="3" />
      <circle cx="17" cy="19" r="2.5" fill="currentColor" />
      <circle cx="31" cy="19" r="2.5" fill="currentColor" />
      <path
        d={`M14 ${32 - curve / 2} Q24 ${32 + curve} 34 ${32 - curve / 2}`}
        fill="none"
        stroke="currentColor"
        strokeWidth="3"
        strokeLinecap="round"
      />
    </svg>
  );
}
