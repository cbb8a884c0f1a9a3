import type { AgentView } from '@loket/shared';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatClock } from '../../lib/format-clock';
import { DataTable } from '../DataTable';

interface OfficersTableProps {
  agents: readonly AgentView[];
  /** Given, each row offers to change the officer's state. */
  onChangeState?: (agent: AgentView) => void;
}

/** Every officer of the office, with their state and since when. */
export function OfficersTable({ agents, onChangeState }: OfficersTableProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  return (
    <DataTable
      caption={t('manager.officersCaption')}
      empty={t('manager.noOfficers')}
      rows={agents}
      rowKey={(agent) => agent.id}
      columns={[
        { header: t('manager.name'), cell: (agent) => agent.displayName, rowHeader: true },
        {
          header: t('manager.state'),
          cell: (agent) => (
            <span className={`state-badge state-${agent.status}`}>
              {t(`agentStatus.${agent.status}`)}
            </span>
          ),
        },
        {
          header: t('manager.since'),
          cell: (agent) => (
            <time dateTime={new Date(agent.statusSince).toISOString()}>
              {formatClock(agent.statusSince, language)}
            </time>
          ),
          numeric: true,
        },
      ]}
      actions={
        onChangeState &&
        ((agent) => [{ label: t('agentAction.open'), onClick: () => onChangeState(agent) }])
      }
    />
  );
}
