import type { AgentView, QueueTicket } from '@loket/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { Button } from '../Button';

interface CallsInProgressTableProps {
  tickets: readonly QueueTicket[];
  agents: readonly AgentView[];
  /** Given, each row offers to watch its call. */
  onWatch?: (ticket: QueueTicket) => void;
}

/** Visitors talking with an officer now, and watching their call. */
export function CallsInProgressTable({ tickets, agents, onWatch }: CallsInProgressTableProps) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const rowId = useId();
  const columns = onWatch ? 4 : 3;
  const rows = tickets
    .filter((ticket) => ticket.status === 'in_call')
    .sort((a, b) => a.createdAt - b.createdAt);
  const officerOf = (ticket: QueueTicket) =>
    agents.find((agent) => agent.id === ticket.agentId)?.displayName ?? '';
  return (
    <table className="data-table">
      <caption>{t('monitor.callsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('manager.number')}</th>
          <th scope="col">{t('monitor.officer')}</th>
          <th scope="col">{t('manager.service')}</th>
          {onWatch && <th scope="col">{t('manager.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={columns} className="empty">
              {t('monitor.noCalls')}
            </td>
          </tr>
        )}
        {rows.map((ticket) => (
          <tr key={ticket.id}>
            <th scope="row" id={`${rowId}-${ticket.id}`}>
              {ticket.number}
            </th>
            <td>{officerOf(ticket)}</td>
            <td>{ticket.serviceName[lang]}</td>
            {onWatch && (
              <td>
                <Button
                  className="button-small"
                  aria-describedby={`${rowId}-${ticket.id}`}
                  onClick={() => onWatch(ticket)}
                >
                  {t('monitor.watch')}
                </Button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
