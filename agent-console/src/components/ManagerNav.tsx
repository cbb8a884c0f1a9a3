import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePath } from '../hooks/usePath';
import { navigate } from '../lib/navigate';
import { pathFor, type Route } from '../lib/route';

const LINKS: { route: Route; label: 'nav.queue' | 'nav.reports' | 'nav.audit' }[] = [
  { route: 'manager', label: 'nav.queue' },
  { route: 'reports', label: 'nav.reports' },
  { route: 'audit', label: 'nav.audit' },
];

/** Moves a manager between the live queue, the reports and the audit log, without a reload. */
export function ManagerNav() {
  const { t } = useTranslation();
  const path = usePath();
  const base = import.meta.env.BASE_URL;
  const here =
    LINKS.find(({ route }) => pathFor(route, '') === path.replace(/\/+$/, ''))?.route ?? 'manager';
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    // A new tab or window is the browser's business.
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(event.currentTarget.pathname);
  };
  return (
    <nav className="manager-nav" aria-label={t('nav.label')}>
      {LINKS.map(({ route, label }) => (
        <a
          key={route}
          href={pathFor(route, base)}
          aria-current={route === here ? 'page' : undefined}
          onClick={follow}
        >
          {t(label)}
        </a>
      ))}
    </nav>
  );
}
