import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../hooks/useConsole';
import { setStatus } from '../lib/agent-actions';
import { Button } from './Button';
import { WRAP_UP_NOTES_ID } from './CallNotesField';

/** Takes the officer to the wrap-up's notes field, without touching the page's address. */
function focusNotes(event: MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault();
  document.getElementById(WRAP_UP_NOTES_ID)?.focus();
}

/**
 * Go available / take a break; the one matching the current state (or all, offline) is disabled.
 * During wrap-up both stay enabled: going available ends wrap-up early.
 */
export function StatusControls() {
  const { t } = useTranslation();
  const status = useConsole((state) => state.agent?.status);
  const notesToFinish = useConsole((state) => state.lastServed !== null);
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
      {status === 'wrap_up' && (
        <p className="hint">
          {t(notesToFinish ? 'agent.wrapUpHint' : 'agent.wrapUpHintNoNotes')}{' '}
          {notesToFinish && (
            <a href={`#${WRAP_UP_NOTES_ID}`} onClick={focusNotes}>
              {t('agent.toNotes')}
            </a>
          )}
        </p>
      )}
    </div>
  );
}
