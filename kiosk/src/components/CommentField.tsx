import { useId, useState, type Dispatch, type ReactNode, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { CommentDialog } from './CommentDialog';

interface CommentFieldProps {
  comment: string;
  onChange: Dispatch<SetStateAction<string>>;
  onActivity: () => void;
  /** When the screen moves on by itself. */
  countdown: ReactNode;
}

/**
 * The survey's optional comment: what the visitor wrote so far, and a button that opens the
 * on-screen keyboard in a dialog, so that the survey's own actions stay where they are.
 */
export function CommentField({ comment, onChange, onActivity, countdown }: CommentFieldProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const headingId = useId();
  return (
    <section className="survey__comment" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('survey.comment.heading')}</h3>
      <p className={comment ? 'survey__comment-text' : 'subtle'}>
        {comment || t('survey.comment.none')}
      </p>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          setOpen(true);
          onActivity();
        }}
      >
        {comment ? t('survey.comment.edit') : t('survey.comment.write')}
      </button>
      {open && (
        <CommentDialog
          comment={comment}
          onChange={onChange}
          onActivity={onActivity}
          onClose={() => setOpen(false)}
          countdown={countdown}
        />
      )}
    </section>
  );
}
