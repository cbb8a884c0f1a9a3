import { errorKey } from '../lib/error-key';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading } from '../components/Heading';
import { pairWithCode, startConnection } from '../lib/load-connection';
import { useKiosk, type KioskErrorCode } from '../store/kiosk-store';
import { markStarting } from '../store/server-events';

/**
 * The kiosk has no credential the server takes: a member of staff types the one-time pairing
 * code an administrator made for it (or opens the pairing link), and the kiosk starts.
 */
export function UnenrolledScreen() {
  const { t } = useTranslation();
  const linkError = useKiosk((state) => state.error);
  const [error, setError] = useState<KioskErrorCode | 'missing' | null>(null);
  const [busy, setBusy] = useState(false);
  const codeId = useId();
  const errorId = useId();
  const shown = error ?? linkError;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const code = String(new FormData(event.currentTarget).get('code') ?? '').trim();
    if (!code) return setError('missing');
    setBusy(true);
    setError(null);
    const outcome = await pairWithCode(code);
    setBusy(false);
    if (!outcome.ok) return setError(outcome.code);
    markStarting();
    startConnection();
  }

  return (
    <section className="screen" aria-busy={busy}>
      <Heading>{t('unenrolled.title')}</Heading>
      <p className="lead">{t('unenrolled.body')}</p>
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <div className="field">
          <label htmlFor={codeId} className="field__label">
            {t('unenrolled.code')}
          </label>
          <input
            id={codeId}
            name="code"
            className="field__input"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={16}
            aria-invalid={shown ? true : undefined}
            aria-describedby={shown ? errorId : undefined}
          />
        </div>
        <p id={errorId} role="alert" className="error">
          {shown === 'missing'
            ? t('unenrolled.missing')
            : shown === 'NOT_FOUND' || shown === 'BAD_REQUEST'
              ? t('unenrolled.unknown')
              : shown && t(errorKey(shown))}
        </p>
        <button type="submit" className="button button--primary" aria-disabled={busy}>
          {busy ? t('unenrolled.pairing') : t('unenrolled.pair')}
        </button>
      </form>
    </section>
  );
}
