import type { AgentView } from '@loket/shared';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatClock } from '../../lib/formatClock';

/** Every officer of the office, with their state and since when. */
export function OfficersTable({ agents }: { agents: readonly AgentView[] }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  return (
    <table className="data-table">
      <caption>{t('manager.officersCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('manager.name')}</th>
          <th scope="col">{t('manager.state')}</th>
          <th scope="col">{t('manager.since')}</th>
        </tr>
      </thead>
      <tbody>
        {agents.length === 0 && (
          <tr>
            <td colSpan={3} className="empty">
              {t('manager.noOfficers')}
            </td>
          </tr>
        )}
        {agents.map((agent) => (
          <tr key={agent.id}>
            <th scope="row">{agent.displayName}</th>
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
          </tr>
        ))}
      </tbody>
    </table>
  );
}
