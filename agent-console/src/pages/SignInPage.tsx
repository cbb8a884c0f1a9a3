import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../components/AppHeader';
import { Button } from '../components/Button';
import { useConsole } from '../hooks/useConsole';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { ConsoleError, errorCodeOf, type ConsoleErrorCode } from '../lib/errors';
import { signIn } from '../lib/session';

type SignInError = ConsoleErrorCode | 'missing';

/** Username and password; pasting and password managers work (WCAG 3.3.8). */
export default function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('signIn.heading'));
  const expired = useConsole((state) => state.sessionExpired);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<SignInError | null>(null);
  // A lock-out says how long to wait, in whole minutes (at least one).
  const [waitMinutes, setWaitMinutes] = useState<number | null>(null);
  const errorId = useId();
  const invalid = error === 'missing' || error === 'INVALID_CREDENTIALS';

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const username = String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!username || !password) return setError('missing');
    setPending(true);
    setError(null);
    try {
      await signIn({ username, password });
    } catch (failure) {
      setError(errorCodeOf(failure));
      const retryAt = failure instanceof ConsoleError ? failure.retryAt : null;
      setWaitMinutes(retryAt ? Math.max(1, Math.ceil((retryAt - Date.now()) / 60_000)) : null);
      setPending(false);
    }
  }

  return (
    <>
      <AppHeader />
      <main className="page sign-in-page">
        <h1>{t('signIn.heading')}</h1>
        <p className="intro">{t('signIn.intro')}</p>
        <p role="status" className="message message-notice">
          {expired && !error && t('signIn.expired')}
        </p>
        <form className="card sign-in-form" noValidate onSubmit={(event) => void onSubmit(event)}>
          <div className="field">
            <label htmlFor="username">{t('signIn.username')}</label>
            <input
              id="username"
              name="username"
              type="text"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              aria-invalid={invalid || undefined}
              aria-describedby={error ? errorId : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor="password">{t('signIn.password')}</label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              aria-invalid={invalid || undefined}
              aria-describedby={error ? errorId : undefined}
            />
          </div>
          <div id={errorId} role="alert" className="message message-error">
            {error === 'missing' && t('signIn.missing')}
            {error === 'RATE_LIMITED' && waitMinutes !== null
              ? t('signIn.locked', { count: waitMinutes })
              : error && error !== 'missing' && t(`errors.${error}`)}
          </div>
          <div className="form-actions">
            <Button
              type="submit"
              variant="primary"
              disabled={pending}
              aria-busy={pending || undefined}
            >
              {t('signIn.submit')}
            </Button>
            {pending && <span className="spinner-text">{t('signIn.submitting')}</span>}
          </div>
        </form>
      </main>
    </>
  );
}
