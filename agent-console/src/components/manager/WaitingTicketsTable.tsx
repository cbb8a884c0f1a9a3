import type { QueueTicket, TicketStatus } from '@loket/shared';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../lib/formatDuration';

/** Tickets whose visitor is still waiting for an officer (a transfer puts them back in line). */
const WAITING: readonly TicketStatus[] = ['waiting', 'offered', 'transferred'];

interface WaitingTicketsTableProps {
  tickets: readonly QueueTicket[];
  /** The server's time now, for how long each ticket has waited. */
  now: number;
}

/** Waiting tickets, oldest first, with how long each has waited. */
export function WaitingTicketsTable({ tickets, now }: WaitingTicketsTableProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
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
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={5} className="empty">
              {t('manager.noWaiting')}
            </td>
          </tr>
        )}
        {rows.map((ticket) => (
          <tr key={ticket.id}>
            <th scope="row">{ticket.number}</th>
            <td>{ticket.serviceName[lang]}</td>
            <td>{t(`visitorLanguage.${ticket.language}`)}</td>
            <td>{t(`ticketStatus.${ticket.status}`)}</td>
            <td className="numeric">{formatDuration(now - ticket.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
