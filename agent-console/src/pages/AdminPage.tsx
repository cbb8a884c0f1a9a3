import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../components/AppHeader';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { usePath } from '../hooks/usePath';
import { navigate } from '../lib/navigate';
import { ADMIN_SECTIONS } from './admin/sections';

/** The administration: a nav of its sections and the one at the address (the first by default). */
export default function AdminPage() {
  const { t } = useTranslation();
  const path = usePath();
  const base = import.meta.env.BASE_URL;
  const asked = path.replace(/\/+$/, '').split('/')[1];
  const section = ADMIN_SECTIONS.find(({ id }) => id === asked) ?? ADMIN_SECTIONS[0]!;
  useDocumentTitle(t(section.labelKey));
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(event.currentTarget.pathname);
  };
  const { Component } = section;
  return (
    <>
      <AppHeader />
      <main className="page admin-page">
        <h1>{t('admin.heading')}</h1>
        <nav className="admin-sections" aria-label={t('admin.sectionsLabel')}>
          {ADMIN_SECTIONS.map(({ id, labelKey }) => (
            <a
              key={id}
              href={`${base}admin/${id}`}
              aria-current={id === section.id ? 'page' : undefined}
              onClick={follow}
            >
              {t(labelKey)}
            </a>
          ))}
        </nav>
        <Component key={section.id} />
      </main>
    </>
  );
}
