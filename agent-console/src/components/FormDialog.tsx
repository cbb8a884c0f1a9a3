import { useId, type FormEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { Dialog } from './Dialog';

interface FormDialogProps {
  title: string;
  description?: string;
  confirmLabel: string;
  /** The action cannot be undone: the confirm button says so by its colour too. */
  danger?: boolean;
  pending: boolean;
  /** What went wrong, already translated; shown and announced inside the dialog. */
  message: string | null;
  /** What gets focus when the dialog opens: the first field. */
  initialFocus: RefObject<HTMLElement | null>;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/** A modal form that asks before acting: fields, what went wrong, confirm and "Back". */
export function FormDialog({
  title,
  description,
  confirmLabel,
  danger = false,
  pending,
  message,
  initialFocus,
  onConfirm,
  onCancel,
  children,
}: FormDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const textId = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!pending) onConfirm();
  };
  const cancel = () => {
    if (!pending) onCancel();
  };
  return (
    <Dialog
      labelledBy={titleId}
      describedBy={description ? textId : undefined}
      initialFocus={initialFocus}
      onEscape={cancel}
    >
      <h2 id={titleId}>{title}</h2>
      {description && <p id={textId}>{description}</p>}
      <form noValidate onSubmit={submit}>
        {children}
        <div role="alert" className="message message-error">
          {message}
        </div>
        <div className="dialog-actions">
          <Button
            type="submit"
            variant={danger ? 'danger' : 'primary'}
            disabled={pending}
            aria-busy={pending || undefined}
          >
            {confirmLabel}
          </Button>
          <Button disabled={pending} onClick={cancel}>
            {t('dialog.back')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
