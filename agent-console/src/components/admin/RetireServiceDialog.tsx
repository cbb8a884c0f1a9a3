import type { AdminService } from '@loket/shared';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../Button';
import { Dialog } from '../Dialog';
import { useUiLanguage } from '../../hooks/useUiLanguage';

interface RetireServiceDialogProps {
  service: AdminService;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before retiring a service, saying what becomes of the tickets waiting for it. */
export function RetireServiceDialog({ service, onConfirm, onCancel }: RetireServiceDialogProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const titleId = useId();
  const textId = useId();
  const backRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog labelledBy={titleId} describedBy={textId} initialFocus={backRef} onEscape={onCancel}>
      <h2 id={titleId}>{t('admin.services.retireTitle', { name: service.name[language] })}</h2>
      <p id={textId}>{t('admin.services.retireText', { count: service.waiting })}</p>
      <div className="dialog-actions">
        <Button variant="danger" onClick={onConfirm}>
          {t('admin.services.retireConfirm')}
        </Button>
        <Button ref={backRef} onClick={onCancel}>
          {t('dialog.back')}
        </Button>
      </div>
    </Dialog>
  );
}
