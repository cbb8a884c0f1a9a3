import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../components/AppHeader';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { usePath } from '../hooks/usePath';
import { navigate } from '../lib/navigate';
import { pathFor } from '../lib/route';
import { ADMIN_SECTIONS } from './admin/sections';

/** The section a path under `admin/` names; the first one for the bare page or an unknown one. */
function sectionAt(path: string) {
  const id = path.split('/')[1];
  return ADMIN_SECTIONS.find((section) => section.id === id) ?? ADMIN_SECTIONS[0]!;
}

/** The administrator's page: a navigation of its sections and the chosen one. */
export default function AdminPage() {
  const { t } = useTranslation();
  const path = usePath();
  const section = sectionAt(path);
  const heading = t(section.labelKey);
  useDocumentTitle(`${t('admin.heading')} — ${heading}`);
  const base = pathFor('admin', import.meta.env.BASE_URL);
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
        <h1 tabIndex={-1}>{t('admin.heading')}</h1>
        <nav className="admin-nav" aria-label={t('admin.nav.label')}>
          {ADMIN_SECTIONS.map(({ id, labelKey }) => (
            <a
              key={id}
              href={`${base}/${id}`}
              aria-current={id === section.id ? 'page' : undefined}
              onClick={follow}
            >
              {t(labelKey)}
            </a>
          ))}
        </nav>
        <section aria-labelledby="admin-section-heading">
          <h2 id="admin-section-heading">{heading}</h2>
          <Component key={section.id} />
        </section>
      </main>
    </>
  );
}
