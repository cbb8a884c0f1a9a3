import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../Button';
import { Dialog } from '../Dialog';

interface EndCallDialogProps {
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before ending a call; "No" has focus, Escape means no. */
export function EndCallDialog({ onConfirm, onCancel }: EndCallDialogProps) {
  const { t } = useTranslation();
  const noRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const textId = useId();
  return (
    <Dialog labelledBy={titleId} describedBy={textId} initialFocus={noRef} onEscape={onCancel}>
      <h2 id={titleId}>{t('call.confirmTitle')}</h2>
      <p id={textId}>{t('call.confirmText')}</p>
      <div className="dialog-actions">
        <Button variant="danger" onClick={onConfirm}>
          {t('call.confirmYes')}
        </Button>
        <Button ref={noRef} onClick={onCancel}>
          {t('call.confirmNo')}
        </Button>
      </div>
    </Dialog>
  );
}
