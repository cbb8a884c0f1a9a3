import { ChangePasswordBody, restRoutes } from '@loket/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../components/AppHeader';
import { Button } from '../components/Button';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { callRoute } from '../lib/api';
import { errorCodeOf } from '../lib/errors';
import { signedIn } from '../store/actions';
import { fieldErrors, type FieldErrors } from './admin/field-errors';
import { TextField } from './admin/TextField';

/**
 * Shown before anything else to someone whose password an administrator set: they choose their
 * own, proving the one they were given.
 */
export default function ChangePasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('password.heading'));
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [problems, setProblems] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { currentPassword, newPassword };
    const found = fieldErrors(ChangePasswordBody, body);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    try {
      signedIn((await callRoute(restRoutes.changePassword, body)).user);
    } catch (caught) {
      setError(t(`errors.${errorCodeOf(caught)}`));
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <AppHeader />
      <main className="page">
        <h1>{t('password.heading')}</h1>
        <p>{t('password.intro')}</p>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <TextField
            label={t('password.current')}
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={setCurrent}
            problem={problems.currentPassword && 'admin.problems.password_missing'}
          />
          <TextField
            label={t('password.new')}
            type="password"
            autoComplete="new-password"
            value={newPassword}
            onChange={setNew}
            problem={problems.newPassword}
          />
          {error && <p role="alert">{error}</p>}
          <Button type="submit" variant="primary" disabled={pending}>
            {t('password.save')}
          </Button>
        </form>
      </main>
    </>
  );
}
