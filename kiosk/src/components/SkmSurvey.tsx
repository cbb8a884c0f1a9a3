import { SKM_ELEMENTS, type SkmElement, type SkmScore } from '@loket/shared';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyAnswers } from '../store/journey';
import { CommentField } from './CommentField';
import { ScoreFace } from './ScoreFace';

const SCORES: readonly SkmScore[] = [1, 2, 3, 4];

/** One question: four faces with their words, as radio buttons a finger can hit. */
function Question({
  legend,
  value,
  onChange,
}: {
  legend: string;
  value: SkmScore | undefined;
  onChange: (score: SkmScore) => void;
}) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="survey__question">
      <legend>{legend}</legend>
      <div className="survey__scores">
        {SCORES.map((score) => (
          <label key={score} className="survey__score">
            <input
              type="radio"
              name={name}
              value={score}
              checked={value === score}
              onChange={() => onChange(score)}
            />
            <ScoreFace score={score} />
            <span>{t(`survey.score.${score}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

interface SkmSurveyProps {
  /** The elements of the office's short form; the full form asks all nine. */
  shortForm: readonly SkmElement[];
  busy: boolean;
  onSend: (answers: SurveyAnswers) => void;
  onSkip: () => void;
  /** The visitor touched something: the screen must wait for them. */
  onActivity: () => void;
  /** What the screen says before the survey (its title and thanks). */
  head: ReactNode;
  /** What the screen says after it (when it moves on). */
  foot: ReactNode;
  /** When the screen moves on, for the comment's dialog, which covers the foot. */
  countdown: ReactNode;
}

/**
 * The public satisfaction survey (SKM) after a visit: how it went overall and the office's chosen
 * elements, with the other elements one tap away, and a comment typed on the on-screen keyboard.
 * Every question may be left out, and the whole
 * survey skipped at any point. It lays out the whole screen around it (`head`, `foot`), so that
 * a landscape screen can keep its questions beside the text.
 */
export function SkmSurvey({
  shortForm,
  busy,
  onSend,
  onSkip,
  onActivity,
  head,
  foot,
  countdown,
}: SkmSurveyProps) {
  const { t } = useTranslation();
  const [full, setFull] = useState(false);
  const [overall, setOverall] = useState<SkmScore | null>(null);
  const [scores, setScores] = useState<Partial<Record<SkmElement, SkmScore>>>({});
  const [comment, setComment] = useState('');
  const [complaint, setComplaint] = useState(false);
  const asked = full ? SKM_ELEMENTS : shortForm;
  return (
    <div className="survey split">
      <div className="split__head">
        {head}
        <h2>{t('survey.title')}</h2>
        <p className="subtle">{t('survey.intro')}</p>
      </div>
      <div className="split__side">
        <Question
          legend={t('survey.overall')}
          value={overall ?? undefined}
          onChange={(score) => {
            setOverall(score);
            onActivity();
          }}
        />
        {asked.map((element) => (
          <Question
            key={element}
            legend={t(`survey.element.${element}`)}
            value={scores[element]}
            onChange={(score) => {
              setScores((current) => ({ ...current, [element]: score }));
              onActivity();
            }}
          />
        ))}
      </div>
      <div className="split__actions">
        <div className="actions">
          {!full && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setFull(true);
                onActivity();
              }}
            >
              {t('survey.full')}
            </button>
          )}
          <CommentField
            comment={comment}
            onChange={setComment}
            complaint={complaint}
            onComplaintChange={setComplaint}
            onActivity={onActivity}
            countdown={countdown}
          />
        </div>
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={onSkip}>
            {t('survey.skip')}
          </button>
          <button
            type="button"
            className="button button--primary"
            aria-disabled={busy}
            onClick={() =>
              !busy &&
              onSend({ overall, scores, comment, complaint: complaint && comment.trim() !== '' })
            }
          >
            {t('survey.send')}
          </button>
        </div>
      </div>
      <div className="split__foot">{foot}</div>
    </div>
  );
}
