import type { QueueTicket, TicketStatus } from '@loket/shared';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatDuration } from '../../lib/format-duration';
import { DataTable } from '../DataTable';
import { NeedList } from '../NeedList';
import type { TicketAction } from './TicketActionDialog';

/** Tickets whose visitor is still waiting for an officer (a transfer puts them back in line). */
const WAITING: readonly TicketStatus[] = ['waiting', 'offered'];

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
  return (
    <DataTable
      caption={t('manager.waitingCaption')}
      empty={t('manager.noWaiting')}
      rows={tickets
        .filter((ticket) => WAITING.includes(ticket.status))
        .sort((a, b) => a.createdAt - b.createdAt)}
      rowKey={(ticket) => ticket.id}
      columns={[
        { header: t('manager.number'), cell: (ticket) => ticket.number, rowHeader: true },
        { header: t('manager.service'), cell: (ticket) => ticket.serviceName[lang] },
        {
          header: t('manager.language'),
          cell: (ticket) => t(`visitorLanguage.${ticket.language}`),
        },
        { header: t('manager.needs'), cell: (ticket) => <NeedList needs={ticket.needs} /> },
        { header: t('manager.status'), cell: (ticket) => t(`ticketStatus.${ticket.status}`) },
        {
          header: t('manager.waited'),
          cell: (ticket) => formatDuration(now - ticket.createdAt),
          numeric: true,
        },
      ]}
      actions={
        onAction &&
        ((ticket) =>
          actionsFor(ticket.status).map((action) => ({
            label: t(`ticketAction.${action}`),
            variant: action === 'cancel' ? 'danger' : 'secondary',
            onClick: () => onAction(action, ticket),
          })))
      }
    />
  );
}
