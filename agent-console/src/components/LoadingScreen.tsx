import { useTranslation } from 'react-i18next';

/** Shown while we find out who is signed in or load a page. */
export function LoadingScreen() {
  const { t } = useTranslation();
  return (
    <main className="page page-loading">
      <h1>{t('app.name')}</h1>
      <p role="status">{t('app.loading')}</p>
    </main>
  );
}
