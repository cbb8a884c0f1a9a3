import type { AgentView } from '@loket/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatClock } from '../../lib/format-clock';
import { Button } from '../Button';

interface OfficersTableProps {
  agents: readonly AgentView[];
  /** Given, each row offers to change the officer's state. */
  onChangeState?: (agent: AgentView) => void;
}

/** Every officer of the office, with their state and since when. */
export function OfficersTable({ agents, onChangeState }: OfficersTableProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const rowId = useId();
  const columns = onChangeState ? 4 : 3;
  return (
    <table className="data-table">
      <caption>{t('manager.officersCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('manager.name')}</th>
          <th scope="col">{t('manager.state')}</th>
          <th scope="col">{t('manager.since')}</th>
          {onChangeState && <th scope="col">{t('manager.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {agents.length === 0 && (
          <tr>
            <td colSpan={columns} className="empty">
              {t('manager.noOfficers')}
            </td>
          </tr>
        )}
        {agents.map((agent) => (
          <tr key={agent.id}>
            <th scope="row" id={`${rowId}-${agent.id}`}>
              {agent.displayName}
            </th>
            <td>
              <span className={`state-badge state-${agent.status}`}>
                {t(`agentStatus.${agent.status}`)}
              </span>
            </td>
            <td className="numeric">
              <time dateTime={new Date(agent.statusSince).toISOString()}>
                {formatClock(agent.statusSince, language)}
              </time>
            </td>
            {onChangeState && (
              <td>
                <Button
                  className="button-small"
                  aria-describedby={`${rowId}-${agent.id}`}
                  onClick={() => onChangeState(agent)}
                >
                  {t('agentAction.open')}
                </Button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
