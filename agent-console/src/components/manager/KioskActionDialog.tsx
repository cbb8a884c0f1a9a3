import type { KioskStatus } from '@loket/shared';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../hooks/useCommand';
import { useErrorText } from '../../hooks/useErrorText';
import { managerCommand } from '../../lib/manager-commands';
import { noticeShown } from '../../store/actions';
import { FormDialog } from '../FormDialog';
import { BilingualMessageFields } from './BilingualMessageFields';
import type { KioskAction } from './KiosksTable';

/** The kiosk actions that ask before acting; a self-test runs at once. */
export type ConfirmedKioskAction = Exclude<KioskAction, 'selfTest'>;

const NOTICE = {
  reload: 'kioskReloadRequested',
  message: 'kioskMessaged',
  close: 'kioskClosed',
  open: 'kioskOpened',
} as const;

function send(action: ConfirmedKioskAction, kioskId: string, text: { id: string; en: string }) {
  switch (action) {
    case 'reload':
      return managerCommand('kiosk:reload', { kioskId });
    case 'message':
      return managerCommand('kiosk:message', { kioskId, text });
    case 'close':
    case 'open':
      return managerCommand('kiosk:setService', { kioskId, inService: action === 'open' });
  }
}

interface KioskActionDialogProps {
  action: ConfirmedKioskAction;
  kiosk: KioskStatus;
  onClose: () => void;
}

/**
 * Asks before a manager reloads a kiosk, takes it out of service or back, or writes a message on
 * it (in both languages the kiosk speaks). Every one of them is audited by the server.
 */
export function KioskActionDialog({ action, kiosk, onClose }: KioskActionDialogProps) {
  const { t } = useTranslation();
  const command = useCommand();
  const [text, setText] = useState({ id: '', en: '' });
  const [missing, setMissing] = useState(false);
  const message = useErrorText(missing ? 'messageMissing' : null, command.error);
  const firstRef = useRef<HTMLTextAreaElement>(null);

  const confirm = async () => {
    const trimmed = { id: text.id.trim(), en: text.en.trim() };
    if (action === 'message' && (!trimmed.id || !trimmed.en)) return setMissing(true);
    setMissing(false);
    if (!(await command.run(() => send(action, kiosk.id, trimmed)))) return;
    noticeShown(NOTICE[action]);
    onClose();
  };

  return (
    <FormDialog
      title={t(`kioskAction.${action}Title`, { name: kiosk.name })}
      description={t(`kioskAction.${action}Text`)}
      confirmLabel={t(`kioskAction.${action}Confirm`)}
      danger={action === 'close'}
      pending={command.pending}
      message={message}
      initialFocus={firstRef}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      {action === 'message' && (
        <BilingualMessageFields
          text={text}
          onChange={setText}
          missing={missing}
          firstRef={firstRef}
        />
      )}
    </FormDialog>
  );
}
