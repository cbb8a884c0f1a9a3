import type { AgentView, QueueTicket } from '@loket/shared';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { DataTable } from '../DataTable';

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
  return (
    <DataTable
      caption={t('monitor.callsCaption')}
      empty={t('monitor.noCalls')}
      rows={tickets
        .filter((ticket) => ticket.status === 'in_call')
        .sort((a, b) => a.createdAt - b.createdAt)}
      rowKey={(ticket) => ticket.id}
      columns={[
        { header: t('manager.number'), cell: (ticket) => ticket.number, rowHeader: true },
        {
          header: t('monitor.officer'),
          cell: (ticket) => agents.find((agent) => agent.id === ticket.agentId)?.displayName ?? '',
        },
        { header: t('manager.service'), cell: (ticket) => ticket.serviceName[lang] },
      ]}
      actions={
        onWatch && ((ticket) => [{ label: t('monitor.watch'), onClick: () => onWatch(ticket) }])
      }
    />
  );
}
