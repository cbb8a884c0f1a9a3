import type { AgentView } from '@loket/shared';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../hooks/useCommand';
import { useErrorText } from '../../hooks/useErrorText';
import { managerCommand } from '../../lib/manager-commands';
import { noticeShown } from '../../store/actions';
import { FormDialog } from '../FormDialog';
import { ReasonField } from '../ReasonField';

/** States a manager may put an officer in. */
const STATES = ['available', 'away', 'offline'] as const;
type SettableState = (typeof STATES)[number];

/** Sets an officer available, away or offline, with the reason kept in the audit log. */
export function AgentStateDialog({ agent, onClose }: { agent: AgentView; onClose: () => void }) {
  const { t } = useTranslation();
  const command = useCommand();
  const [status, setStatus] = useState<SettableState | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<'reasonMissing' | 'choiceMissing' | null>(null);
  const message = useErrorText(problem, command.error);
  const firstRef = useRef<HTMLInputElement>(null);
  const name = useId();

  const confirm = async () => {
    const why = reason.trim();
    if (!status) return setProblem('choiceMissing');
    if (!why) return setProblem('reasonMissing');
    setProblem(null);
    const done = await command.run(() =>
      managerCommand('agent:set', { agentId: agent.id, status, reason: why }),
    );
    if (!done) return;
    noticeShown('agentStateChanged');
    onClose();
  };

  return (
    <FormDialog
      title={t('agentAction.title', { name: agent.displayName })}
      description={t('agentAction.current', { state: t(`agentStatus.${agent.status}`) })}
      confirmLabel={t('agentAction.confirm')}
      danger={status === 'offline'}
      pending={command.pending}
      message={message}
      initialFocus={firstRef}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      <fieldset className="choices" aria-invalid={problem === 'choiceMissing' || undefined}>
        <legend>{t('agentAction.newState')}</legend>
        {STATES.map((state, index) => (
          <label key={state} className="choice">
            <input
              ref={index === 0 ? firstRef : undefined}
              type="radio"
              name={name}
              value={state}
              checked={status === state}
              onChange={() => setStatus(state)}
            />
            {t(`agentStatus.${state}`)}
          </label>
        ))}
      </fieldset>
      <ReasonField value={reason} onChange={setReason} invalid={problem === 'reasonMissing'} />
    </FormDialog>
  );
}
