import type { QueueTicket, TicketStatus } from '@loket/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatDuration } from '../../lib/format-duration';
import { Button } from '../Button';
import type { TicketAction } from './TicketActionDialog';

/** Tickets whose visitor is still waiting for an officer (a transfer puts them back in line). */
const WAITING: readonly TicketStatus[] = ['waiting', 'offered', 'transferred'];

/** What can be done to a ticket in each waiting status (a ringing one can only be cancelled). */
function actionsFor(status: TicketStatus): TicketAction[] {
  return status === 'offered' ? ['cancel'] : ['prioritise', 'assign', 'cancel'];
}

interface WaitingTicketsTableProps {
  tickets: readonly QueueTicket[];
  /** The server's time now, for how long each ticket has waited. */
  now: number;
  /** Given, each row offers prioritise, assign and cancel. */
  onAction?: (action: TicketAction, ticket: QueueTicket) => void;
}

/** Waiting tickets, oldest first, with how long each has waited and what can be done to each. */
export function WaitingTicketsTable({ tickets, now, onAction }: WaitingTicketsTableProps) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const rowId = useId();
  const columns = onAction ? 6 : 5;
  const rows = tickets
    .filter((ticket) => WAITING.includes(ticket.status))
    .sort((a, b) => a.createdAt - b.createdAt);
  return (
    <table className="data-table">
      <caption>{t('manager.waitingCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('manager.number')}</th>
          <th scope="col">{t('manager.service')}</th>
          <th scope="col">{t('manager.language')}</th>
          <th scope="col">{t('manager.status')}</th>
          <th scope="col">{t('manager.waited')}</th>
          {onAction && <th scope="col">{t('manager.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={columns} className="empty">
              {t('manager.noWaiting')}
            </td>
          </tr>
        )}
        {rows.map((ticket) => (
          <tr key={ticket.id}>
            <th scope="row" id={`${rowId}-${ticket.id}`}>
              {ticket.number}
            </th>
            <td>{ticket.serviceName[lang]}</td>
            <td>{t(`visitorLanguage.${ticket.language}`)}</td>
            <td>{t(`ticketStatus.${ticket.status}`)}</td>
            <td className="numeric">{formatDuration(now - ticket.createdAt)}</td>
            {onAction && (
              <td>
                <div className="row-actions">
                  {actionsFor(ticket.status).map((action) => (
                    <Button
                      key={action}
                      className="button-small"
                      variant={action === 'cancel' ? 'danger' : 'secondary'}
                      aria-describedby={`${rowId}-${ticket.id}`}
                      onClick={() => onAction(action, ticket)}
                    >
                      {t(`ticketAction.${action}`)}
                    </Button>
                  ))}
                </div>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
