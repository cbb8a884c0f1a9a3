import { useEffect } from 'react';
import { pathFor, type Route } from '../lib/route';

/** Puts the address bar on the route's own path, without adding a history entry. */
export function useCanonicalPath(route: Route | null): void {
  useEffect(() => {
    if (!route) return;
    const path = pathFor(route, import.meta.env.BASE_URL);
    const { pathname } = window.location;
    // A page with sections (the administration) keeps the section its address names.
    if (pathname !== path && !pathname.startsWith(`${path}/`)) {
      window.history.replaceState(null, '', `${path}${window.location.search}`);
    }
  }, [route]);
}
