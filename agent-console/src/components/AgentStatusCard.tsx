import { useTranslation } from 'react-i18next';
import { useConsole } from '../hooks/useConsole';
import { useUiLanguage } from '../hooks/useUiLanguage';
import { formatClock } from '../lib/format-clock';
import { MySkills } from './MySkills';

/**
 * Who the agent is, the state they are in and since when, the languages they serve in and their
 * skills.
 */
export function AgentStatusCard() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const user = useConsole((state) => state.user);
  const agent = useConsole((state) => state.agent);
  return (
    <section className="card agent-status" aria-labelledby="agent-name">
      <h2 id="agent-name">{agent?.displayName ?? user?.displayName}</h2>
      <p className="agent-state">
        {t('agent.status')}:{' '}
        <strong>{agent ? t(`agentStatus.${agent.status}`) : t('app.loading')}</strong>
        {agent && (
          <>
            {' '}
            <time dateTime={new Date(agent.statusSince).toISOString()}>
              {t('agent.since', { time: formatClock(agent.statusSince, language) })}
            </time>
          </>
        )}
      </p>
      {user && user.languages.length > 0 && (
        <p className="agent-languages">
          {t('agent.languages')}:{' '}
          {user.languages.map((code) => t(`visitorLanguage.${code}`)).join(', ')}
        </p>
      )}
      {/* Once bootstrapped, the agent's connection is open to ask for and follow the skills. */}
      {agent && <MySkills />}
    </section>
  );
}
