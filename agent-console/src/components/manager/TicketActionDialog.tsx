import type { AgentView, QueueTicket } from '@loket/shared';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../hooks/useCommand';
import { useErrorText } from '../../hooks/useErrorText';
import { managerCommand } from '../../lib/manager-commands';
import { noticeShown } from '../../store/actions';
import { FormDialog } from '../FormDialog';
import { ReasonField } from '../ReasonField';

/** What a manager can do to a waiting ticket. */
export type TicketAction = 'prioritise' | 'assign' | 'cancel';

interface TicketActionDialogProps {
  action: TicketAction;
  ticket: QueueTicket;
  /** Officers a ticket can be assigned to. */
  agents: readonly AgentView[];
  onClose: () => void;
}

const NOTICE = {
  prioritise: 'ticketPrioritised',
  assign: 'ticketAssigned',
  cancel: 'ticketCancelled',
} as const;

/** Prioritise, assign or cancel one ticket, with the reason kept in the audit log. */
export function TicketActionDialog({ action, ticket, agents, onClose }: TicketActionDialogProps) {
  const { t } = useTranslation();
  const command = useCommand();
  const [reason, setReason] = useState('');
  const [agentId, setAgentId] = useState('');
  const [problem, setProblem] = useState<'reasonMissing' | 'choiceMissing' | null>(null);
  const message = useErrorText(problem, command.error);
  const firstRef = useRef<HTMLElement>(null);
  const selectId = useId();

  const confirm = async () => {
    const why = reason.trim();
    if (action === 'assign' && !agentId) return setProblem('choiceMissing');
    if (!why) return setProblem('reasonMissing');
    setProblem(null);
    const ticketId = ticket.id;
    const done = await command.run(() =>
      action === 'prioritise'
        ? managerCommand('ticket:prioritise', { ticketId, reason: why })
        : action === 'assign'
          ? managerCommand('ticket:assign', { ticketId, agentId, reason: why })
          : managerCommand('ticket:cancel', { ticketId, reason: why }),
    );
    if (!done) return;
    noticeShown(NOTICE[action]);
    onClose();
  };

  return (
    <FormDialog
      title={t(`ticketAction.${action}Title`, { number: ticket.number })}
      description={t(`ticketAction.${action}Text`)}
      confirmLabel={t(`ticketAction.${action}Confirm`)}
      danger={action === 'cancel'}
      pending={command.pending}
      message={message}
      initialFocus={firstRef}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      {action === 'assign' && (
        <div className="field">
          <label htmlFor={selectId}>{t('ticketAction.agent')}</label>
          <select
            ref={(element) => {
              firstRef.current = element;
            }}
            id={selectId}
            value={agentId}
            required
            aria-invalid={problem === 'choiceMissing' || undefined}
            onChange={(event) => setAgentId(event.target.value)}
          >
            <option value="">{t('ticketAction.chooseAgent')}</option>
            {agents.map((agent) => (
              <option key={agent.id} value={agent.id}>
                {t('ticketAction.agentOption', {
                  name: agent.displayName,
                  state: t(`agentStatus.${agent.status}`),
                })}
              </option>
            ))}
          </select>
        </div>
      )}
      <ReasonField
        ref={(element) => {
          if (action !== 'assign') firstRef.current = element;
        }}
        value={reason}
        onChange={setReason}
        invalid={problem === 'reasonMissing'}
      />
    </FormDialog>
  );
}
