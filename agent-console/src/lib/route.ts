import type { Role } from '@loket/shared';

/** The screens a signed-in user can be on. */
export type Route = 'agent' | 'manager' | 'wallboard';

/** Where each route lives under the app's base path. */
const PATHS: Record<Route, string> = { agent: '', manager: 'manager', wallboard: 'wallboard' };

/** The route whose path `pathname` is under `base`, if any. */
export function requestedRoute(pathname: string, base: string): Route | null {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length).replace(/\/$/, '') : null;
  const found = Object.entries(PATHS).find(([, path]) => path === rest);
  return found ? (found[0] as Route) : null;
}

/**
 * Picks the screen for a role: agents always get the agent console (even at /manager);
 * managers and admins get the live queue, or the wallboard when they asked for it.
 */
export function routeFor(role: Role, requested: Route | null = null): Route {
  if (role === 'agent') return 'agent';
  return requested === 'wallboard' ? 'wallboard' : 'manager';
}

/** The canonical pathname of a route under `base` (which ends with a slash). */
export function pathFor(route: Route, base: string): string {
  return `${base}${PATHS[route]}`;
}
