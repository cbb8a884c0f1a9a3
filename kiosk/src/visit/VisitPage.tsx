import type { Language, VisitStatus } from '@loket/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { WaitEstimate } from '../components/WaitEstimate';
import type { VisitAnswer } from './visit-api';

/** How often the page asks again: often enough that "come back" is never late by much. */
export const POLL_MS = 5000;

type Shown = VisitAnswer | { kind: 'loading' } | { kind: 'cancelled' };

/**
 * The visitor's wait on their phone: number, service, kiosk, place and wait, and — when they are
 * next or an officer is taking their ticket — a request to come back to the kiosk now (with a
 * vibration where the phone has one). In the language of the ticket unless the visitor switches;
 * it stops asking once the visit is over.
 */
export function VisitPage({
  token,
  api,
}: {
  token: string | null;
  /** How the page asks the server (`visit-api.ts`). */
  api: {
    fetchVisit(token: string): Promise<VisitAnswer>;
    cancelVisit(token: string): Promise<boolean>;
  };
}) {
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState<Shown>(token ? { kind: 'loading' } : { kind: 'ended' });
  const [last, setLast] = useState<VisitStatus | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [cancelFailed, setCancelFailed] = useState(false);
  const languageChosen = useRef(false);
  const calledBack = useRef(false);

  useEffect(() => {
    if (!token) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const answer = await api.fetchVisit(token);
      if (stopped) return;
      setShown((current) => (current.kind === 'cancelled' ? current : answer));
      if (answer.kind === 'status') {
        setLast(answer.status);
        if (!languageChosen.current) void i18n.changeLanguage(answer.status.language);
        if (answer.status.returnNow && !calledBack.current) navigator.vibrate?.([300, 150, 300]);
        calledBack.current = answer.status.returnNow;
      }
      if (answer.kind !== 'ended') timer = setTimeout(() => void ask(), POLL_MS);
    };
    void ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [token, i18n, api]);

  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);

  const choose = (language: Language) => {
    languageChosen.current = true;
    void i18n.changeLanguage(language);
  };
  const cancel = async () => {
    if (!token) return;
    setCancelFailed(false);
    if (await api.cancelVisit(token)) {
      setConfirming(false);
      setShown({ kind: 'cancelled' });
    } else setCancelFailed(true);
  };

  const status = shown.kind === 'status' || shown.kind === 'unreachable' ? last : null;
  const language = i18n.language === 'en' ? 'en' : 'id';
  return (
    <main className="visit">
      <LanguageSwitch current={language} onChoose={choose} />
      <h1>{t('visit.title')}</h1>
      {shown.kind === 'loading' && <p role="status">{t('visit.loading')}</p>}
      {shown.kind === 'ended' && <p className="lead">{t('visit.ended')}</p>}
      {shown.kind === 'cancelled' && <p className="lead">{t('visit.cancelled')}</p>}
      {shown.kind === 'unreachable' && <p role="alert">{t('visit.offline')}</p>}
      {status && (
        <>
          <p className="visit__label">{t('visit.number')}</p>
          <p className="ticket-number">{status.number}</p>
          <p>{t('visit.service', { service: status.service[language] })}</p>
          {status.kioskName && <p>{t('visit.kiosk', { kiosk: status.kioskName })}</p>}
          <div role="status" className="queue__status">
            {status.returnNow ? (
              <p className="notice visit__return">{t('visit.returnNow')}</p>
            ) : (
              <>
                {status.position !== null && (
                  <p className="queue__position">
                    {t('waiting.position', { position: status.position })}
                  </p>
                )}
                <WaitEstimate wait={status.wait} />
                <p>{t('visit.waiting')}</p>
              </>
            )}
          </div>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setConfirming(true)}
          >
            {t('visit.cancel')}
          </button>
        </>
      )}
      {confirming && status && (
        <Dialog title={t('visit.confirmTitle')} onClose={() => setConfirming(false)}>
          <p className="dialog__body">{t('visit.confirmBody', { number: status.number })}</p>
          {cancelFailed && <p role="alert">{t('visit.cancelFailed')}</p>}
          <div className="actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setConfirming(false)}
            >
              {t('visit.confirmNo')}
            </button>
            <button type="button" className="button button--danger" onClick={() => void cancel()}>
              {t('visit.confirmYes')}
            </button>
          </div>
        </Dialog>
      )}
    </main>
  );
}
