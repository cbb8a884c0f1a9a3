import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../hooks/useCommand';
import { useConsole } from '../../hooks/useConsole';
import { useErrorText } from '../../hooks/useErrorText';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { agentCommand } from '../../lib/agent-commands';
import { callEnded } from '../../store/actions';
import { FormDialog } from '../FormDialog';

interface TransferDialogProps {
  callId: string;
  onCancel: () => void;
}

/** Picks another service for the visitor; once moved, the call ends for this agent. */
export function TransferDialog({ callId, onCancel }: TransferDialogProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const services = useConsole((state) => state.services);
  const command = useCommand();
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const message = useErrorText(missing ? 'choiceMissing' : null, command.error);
  const firstRef = useRef<HTMLInputElement>(null);
  const name = useId();

  const confirm = async () => {
    if (!serviceId) return setMissing(true);
    setMissing(false);
    if (await command.run(() => agentCommand('call:transfer', { callId, serviceId }))) {
      callEnded({ callId, reason: 'transferred' });
    }
  };

  return (
    <FormDialog
      title={t('transfer.title')}
      description={t('transfer.text')}
      confirmLabel={t('transfer.confirm')}
      pending={command.pending}
      message={message}
      initialFocus={firstRef}
      onConfirm={() => void confirm()}
      onCancel={onCancel}
    >
      <fieldset className="choices" aria-invalid={missing || undefined}>
        <legend>{t('transfer.service')}</legend>
        {services.map((service, index) => (
          <label key={service.id} className="choice">
            <input
              ref={index === 0 ? firstRef : undefined}
              type="radio"
              name={name}
              value={service.id}
              checked={serviceId === service.id}
              onChange={() => setServiceId(service.id)}
            />
            {service.name[language]}
          </label>
        ))}
      </fieldset>
    </FormDialog>
  );
}
