import { useTranslation } from 'react-i18next';
import { useConsole } from '../hooks/useConsole';
import { setStatus } from '../lib/agent-actions';
import { Button } from './Button';

/**
 * Go available / take a break; the one matching the current state (or all, offline) is disabled.
 * During wrap-up both stay enabled: going available ends wrap-up early.
 */
export function StatusControls() {
  const { t } = useTranslation();
  const status = useConsole((state) => state.agent?.status);
  // Offline, a command would wait in socket.io's buffer and land whenever the link is back.
  const blocked = useConsole(
    (state) => state.pending === 'status' || state.connection !== 'connected',
  );
  return (
    <div className="status-controls">
      <Button
        variant="primary"
        disabled={blocked || status === 'available'}
        onClick={() => void setStatus('available')}
      >
        {t('agent.goAvailable')}
      </Button>
      <Button disabled={blocked || status === 'away'} onClick={() => void setStatus('away')}>
        {t('agent.takeBreak')}
      </Button>
      {status === 'available' && <p className="hint">{t('agent.waitingForCalls')}</p>}
      {status === 'wrap_up' && <p className="hint">{t('agent.wrapUpHint')}</p>}
    </div>
  );
}
