import type { Role } from '@loket/shared';

/** The screens a signed-in user can be on. */
export type Route = 'agent' | 'manager' | 'reports' | 'audit' | 'wallboard' | 'admin';

/** Where each route lives under the app's base path. */
const PATHS: Record<Route, string> = {
  agent: '',
  manager: 'manager',
  reports: 'reports',
  audit: 'audit',
  wallboard: 'wallboard',
  admin: 'admin',
};

/**
 * Picks the screen for a role at a path under the app's base: agents always get the agent console
 * (even at /manager, /reports, /audit or /wallboard); managers and admins get the reports at
 * /reports, the audit log at /audit, the wallboard at /wallboard and the live queue anywhere else;
 * administrators also get the administration page at /admin and its sections below it.
 */
export function routeFor(role: Role, path = ''): Route {
  if (role === 'agent') return 'agent';
  const asked = path.replace(/\/+$/, '');
  if (asked === PATHS.reports) return 'reports';
  if (asked === PATHS.audit) return 'audit';
  if (asked === PATHS.wallboard) return 'wallboard';
  if (role === 'admin' && asked.split('/')[0] === PATHS.admin) return 'admin';
  return 'manager';
}

/** The canonical pathname of a route under `base` (which ends with a slash). */
export function pathFor(route: Route, base: string): string {
  return `${base}${PATHS[route]}`;
}
