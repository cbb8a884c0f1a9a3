import { useEffect } from 'react';
import { pathFor, type Route } from '../lib/route';

/** Puts the address bar on the route's own path, without adding a history entry. */
export function useCanonicalPath(route: Route | null): void {
  useEffect(() => {
    if (!route) return;
    const path = pathFor(route, import.meta.env.BASE_URL);
    const { pathname } = window.location;
    // The administration's sections live under its path, each at an address of its own.
    if (route === 'admin' && pathname.startsWith(`${path}/`)) return;
    if (pathname !== path) {
      window.history.replaceState(null, '', `${path}${window.location.search}`);
    }
  }, [route]);
}
