import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountdown } from '../hooks/useCountdown';
import { useIdle } from '../hooks/useIdle';
import { resetVisit } from '../store/visit';
import { Dialog } from './Dialog';

/** Quiet time before the kiosk asks whether the visitor is still there. */
export const IDLE_MS = 60_000;
/** Time the visitor has to answer (WCAG 2.2.1 asks for at least 20 s). */
export const ANSWER_SECONDS = 30;

/**
 * Sends an abandoned screen back to the start, asking first with a visible countdown. Mounted
 * only on screens that may time out: never while a visitor waits in the queue or is in a call.
 */
export function InactivityGuard() {
  const [asking, setAsking] = useState(false);
  useIdle(IDLE_MS, () => setAsking(true), !asking);
  return asking ? <StillThere onContinue={() => setAsking(false)} /> : null;
}

function StillThere({ onContinue }: { onContinue: () => void }) {
  const { t } = useTranslation();
  const left = useCountdown(ANSWER_SECONDS, () => resetVisit());
  return (
    <Dialog title={t('idle.title')} onClose={onContinue}>
      <p className="countdown">{t('idle.body', { count: left })}</p>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={onContinue}>
          {t('idle.continue')}
        </button>
      </div>
    </Dialog>
  );
}
