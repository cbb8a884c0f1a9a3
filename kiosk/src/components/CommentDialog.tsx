import { SURVEY_COMMENT_MAX_LENGTH } from '@loket/shared';
import { lazy, Suspense, useId, type Dispatch, type ReactNode, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../store/kiosk-store';
import { Dialog } from './Dialog';

// The keyboard is fetched only when a visitor opens it: most never do.
const OnScreenKeyboard = lazy(() => import('./OnScreenKeyboard'));

interface CommentDialogProps {
  comment: string;
  onChange: Dispatch<SetStateAction<string>>;
  /** The visitor marks the comment as a complaint for the office to forward to SP4N-LAPOR!. */
  complaint: boolean;
  onComplaintChange: (complaint: boolean) => void;
  /** A key was pressed: the screen must wait for the visitor. */
  onActivity: () => void;
  onClose: () => void;
  /** When the screen moves on by itself, which it still does while the dialog is open. */
  countdown: ReactNode;
}

/**
 * The visitor's comment, typed on the on-screen keyboard: a labelled field with its length out of
 * the limit, how long the office keeps it, and whether it is a complaint.
 */
export function CommentDialog({
  comment,
  onChange,
  complaint,
  onComplaintChange,
  onActivity,
  onClose,
  countdown,
}: CommentDialogProps) {
  const { t } = useTranslation();
  const fieldId = useId();
  const countId = useId();
  const keptId = useId();
  const keptDays = useKiosk((state) => state.office?.retention.commentDays);
  const edit = (update: (text: string) => string) =>
    onChange((text) => update(text).slice(0, SURVEY_COMMENT_MAX_LENGTH));
  return (
    <Dialog title={t('survey.comment.title')} onClose={onClose}>
      <div className="comment-dialog">
        <div className="field comment">
          <label htmlFor={fieldId} className="field__label">
            {t('survey.comment.label')}
          </label>
          <textarea
            id={fieldId}
            className="field__input comment__input"
            rows={3}
            // The kiosk's own keyboard types here: no system keyboard covers the screen.
            inputMode="none"
            maxLength={SURVEY_COMMENT_MAX_LENGTH}
            value={comment}
            aria-describedby={keptDays === undefined ? countId : `${countId} ${keptId}`}
            onChange={(event) => {
              const typed = event.target.value;
              edit(() => typed);
              onActivity();
            }}
          />
          <p id={countId} className="comment__count">
            {t('survey.comment.count', { count: comment.length, max: SURVEY_COMMENT_MAX_LENGTH })}
          </p>
          {keptDays !== undefined && (
            <p id={keptId} className="subtle comment__kept">
              {t('survey.comment.kept', { count: keptDays })}
            </p>
          )}
          <label className="check comment__complaint">
            <input
              type="checkbox"
              className="check__box"
              checked={complaint}
              onChange={(event) => {
                onComplaintChange(event.target.checked);
                onActivity();
              }}
            />
            <span>{t('survey.comment.complaint')}</span>
          </label>
        </div>
        <Suspense fallback={<p role="status">{t('survey.comment.loading')}</p>}>
          <OnScreenKeyboard
            onType={(typed) => edit((text) => text + typed)}
            onDelete={() => edit((text) => text.slice(0, -1))}
            onPress={onActivity}
          />
        </Suspense>
        <div className="comment-dialog__end">
          {countdown}
          <div className="actions">
            <button type="button" className="button button--primary" onClick={onClose}>
              {t('survey.comment.done')}
            </button>
          </div>
        </div>
      </div>
    </Dialog>
  );
}
