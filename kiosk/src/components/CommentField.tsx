import { useState, type Dispatch, type ReactNode, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { CommentDialog } from './CommentDialog';

interface CommentFieldProps {
  comment: string;
  onChange: Dispatch<SetStateAction<string>>;
  complaint: boolean;
  onComplaintChange: (complaint: boolean) => void;
  onActivity: () => void;
  /** When the screen moves on by itself. */
  countdown: ReactNode;
}

/**
 * The survey's optional comment: a button among the survey's actions that opens the on-screen
 * keyboard in a dialog, where the visitor sees what they wrote. It takes no room of its own, so
 * that the questions and the actions still fit on a portrait screen in large text.
 */
export function CommentField({
  comment,
  onChange,
  complaint,
  onComplaintChange,
  onActivity,
  countdown,
}: CommentFieldProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
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
          complaint={complaint}
          onComplaintChange={onComplaintChange}
          onActivity={onActivity}
          onClose={() => setOpen(false)}
          countdown={countdown}
        />
      )}
    </>
  );
}
