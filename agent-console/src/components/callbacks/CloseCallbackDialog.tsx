import type { CallbackView } from '@loket/shared';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../hooks/useCommand';
import { useErrorText } from '../../hooks/useErrorText';
import { agentCommand, type CallbackOutcome } from '../../lib/agent-commands';
import { noticeShown } from '../../store/actions';
import { FormDialog } from '../FormDialog';

const OUTCOMES: readonly CallbackOutcome[] = ['reached', 'no_answer', 'wrong_number'];

interface CloseCallbackDialogProps {
  callback: CallbackView;
  /** The dialog closed; `changed` when the list should be fetched again. */
  onClose: (changed: boolean) => void;
}

/** Asks what came of a call-back, then closes it for good. */
export function CloseCallbackDialog({ callback, onClose }: CloseCallbackDialogProps) {
  const { t } = useTranslation();
  const command = useCommand();
  const [outcome, setOutcome] = useState<CallbackOutcome | null>(null);
  const [missing, setMissing] = useState(false);
  const message = useErrorText(missing ? 'choiceMissing' : null, command.error);
  const firstRef = useRef<HTMLInputElement>(null);
  const name = useId();

  const confirm = async () => {
    if (!outcome) return setMissing(true);
    setMissing(false);
    if (
      await command.run(() => agentCommand('callback:close', { callbackId: callback.id, outcome }))
    ) {
      noticeShown('callbackClosed');
      onClose(true);
    }
  };

  return (
    <FormDialog
      title={t('callbacks.closeTitle', { phone: callback.phone })}
      description={t('callbacks.closeText')}
      confirmLabel={t('callbacks.closeConfirm')}
      pending={command.pending}
      message={message}
      initialFocus={firstRef}
      onConfirm={() => void confirm()}
      onCancel={() => onClose(command.error === 'INVALID_STATE')}
    >
      <fieldset className="choices" aria-invalid={missing || undefined}>
        <legend>{t('callbacks.outcome')}</legend>
        {OUTCOMES.map((choice, index) => (
          <label key={choice} className="choice">
            <input
              ref={index === 0 ? firstRef : undefined}
              type="radio"
              name={name}
              value={choice}
              checked={outcome === choice}
              onChange={() => setOutcome(choice)}
            />
            {t(`callbackOutcome.${choice}`)}
          </label>
        ))}
      </fieldset>
    </FormDialog>
  );
}
