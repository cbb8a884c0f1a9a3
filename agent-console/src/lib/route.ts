import type { Role } from '@loket/shared';

/** The screens a signed-in user can be on. */
export type Route = 'agent' | 'manager';

/** Where each route lives under the app's base path. */
const PATHS: Record<Route, string> = { agent: '', manager: 'manager' };

/**
 * Picks the screen for a role: agents always get the agent console (even at /manager);
 * managers and admins get the live queue.
 */
export function routeFor(role: Role): Route {
  return role === 'agent' ? 'agent' : 'manager';
}

/** The canonical pathname of a route under `base` (which ends with a slash). */
export function pathFor(route: Route, base: string): string {
  return `${base}${PATHS[route]}`;
}
