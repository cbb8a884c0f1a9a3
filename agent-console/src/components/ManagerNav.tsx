import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../hooks/useConsole';
import { usePath } from '../hooks/usePath';
import { navigate } from '../lib/navigate';
import { pathFor, type Route } from '../lib/route';

type NavLabel = 'nav.queue' | 'nav.reports' | 'nav.audit' | 'nav.admin';

const LINKS: { route: Route; label: NavLabel }[] = [
  { route: 'manager', label: 'nav.queue' },
  { route: 'reports', label: 'nav.reports' },
  { route: 'audit', label: 'nav.audit' },
];

/** Administrators also reach the administration. */
const ADMIN_LINKS: { route: Route; label: NavLabel }[] = [
  ...LINKS,
  { route: 'admin', label: 'nav.admin' },
];

/**
 * Moves a manager between the live queue, the reports and the audit log (an administrator also to
 * the administration), without a reload.
 */
export function ManagerNav() {
  const { t } = useTranslation();
  const path = usePath();
  const isAdmin = useConsole((state) => state.user?.role === 'admin');
  const links = isAdmin ? ADMIN_LINKS : LINKS;
  const base = import.meta.env.BASE_URL;
  const here =
    links.find(({ route }) => {
      const own = pathFor(route, '');
      const asked = path.replace(/\/+$/, '');
      return own === asked || (route === 'admin' && asked.startsWith(`${own}/`));
    })?.route ?? 'manager';
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
