import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../hooks/useConsole';
import { usePath } from '../hooks/usePath';
import { navigate } from '../lib/navigate';
import { pathFor, type Route } from '../lib/route';

type Link = { route: Route; label: 'nav.queue' | 'nav.reports' | 'nav.audit' | 'nav.admin' };

const LINKS: Link[] = [
  { route: 'manager', label: 'nav.queue' },
  { route: 'reports', label: 'nav.reports' },
  { route: 'audit', label: 'nav.audit' },
];

// Only an administrator's pages link to the administration.
const ADMIN_LINK: Link = { route: 'admin', label: 'nav.admin' };

/**
 * Moves a manager between the live queue, the reports and the audit log (an administrator also to
 * the administration), without a reload.
 */
export function ManagerNav() {
  const { t } = useTranslation();
  const path = usePath();
  const base = import.meta.env.BASE_URL;
  const role = useConsole((state) => state.user?.role);
  const links = role === 'admin' ? [...LINKS, ADMIN_LINK] : LINKS;
  const here =
    links.find(({ route }) => pathFor(route, '') === path.replace(/\/+$/, '').split('/')[0])
      ?.route ?? 'manager';
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    // A new tab or window is the browser's business.
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(event.currentTarget.pathname);
  };
  return (
    <nav className="manager-nav" aria-label={t('nav.label')}>
      {links.map(({ route, label }) => (
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
