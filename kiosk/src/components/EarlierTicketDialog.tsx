import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { command } from '../lib/commands';
import { Dialog } from './Dialog';

const OnScreenKeyboard = lazy(() => import('./OnScreenKeyboard'));

const NUMBER_MAX_LENGTH = 8;

type Answer = 'linked' | 'notFound' | 'tooMany' | 'failed' | null;

/**
 * The visitor offers the number of their earlier ticket today, agreeing that the officer sees what
 * came of it. A wrong number is only "not found": the kiosk shows nothing of any other visit.
 */
export default function EarlierTicketDialog({
  ticketId,
  onClose,
}: {
  ticketId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const fieldId = useId();
  const consentId = useId();
  const [number, setNumber] = useState('');
  const [answer, setAnswer] = useState<Answer>(null);
  const [busy, setBusy] = useState(false);
  const edit = (update: (text: string) => string) =>
    setNumber((text) => update(text).toUpperCase().slice(0, NUMBER_MAX_LENGTH));

  const send = async () => {
    setBusy(true);
    const result = await command('ticket:linkEarlier', { ticketId, number });
    setBusy(false);
    if (result.ok) return setAnswer('linked');
    const code = result.error.code;
    setAnswer(code === 'RATE_LIMITED' ? 'tooMany' : code === 'NOT_FOUND' ? 'notFound' : 'failed');
  };

  return (
    <Dialog title={t('earlier.title')} onClose={onClose}>
      <div className="comment-dialog">
        <p id={consentId}>{t('earlier.consent')}</p>
        {answer === 'linked' ? (
          <p role="status">{t('earlier.linked')}</p>
        ) : (
          <>
            <div className="field">
              <label htmlFor={fieldId} className="field__label">
                {t('earlier.label')}
              </label>
              <input
                id={fieldId}
                className="field__input"
                inputMode="none"
                autoComplete="off"
                maxLength={NUMBER_MAX_LENGTH}
                value={number}
                aria-describedby={consentId}
                onChange={(event) => edit(() => event.target.value)}
              />
            </div>
            {answer && (
              <p role="alert" className="notice">
                {t(`earlier.${answer}`)}
              </p>
            )}
            <Suspense fallback={null}>
              <OnScreenKeyboard
                onType={(typed) => edit((text) => text + typed)}
                onDelete={() => edit((text) => text.slice(0, -1))}
                onPress={() => undefined}
              />
            </Suspense>
          </>
        )}
        <div className="actions">
          {answer !== 'linked' && answer !== 'tooMany' && (
            <button
              type="button"
              className="button button--primary"
              disabled={busy || !/^[A-Z]{1,3}-?\d{1,4}$/.test(number)}
              onClick={() => void send()}
            >
              {t('earlier.send')}
            </button>
          )}
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('earlier.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
