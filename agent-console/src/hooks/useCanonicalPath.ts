import { useEffect } from 'react';
import { pathFor, type Route } from '../lib/route';

/** Puts the address bar on the route's own path, without adding a history entry. */
export function useCanonicalPath(route: Route | null): void {
  useEffect(() => {
    if (!route) return;
    const path = pathFor(route, import.meta.env.BASE_URL);
    if (window.location.pathname !== path) {
      window.history.replaceState(null, '', `${path}${window.location.search}`);
    }
  }, [route]);
}
