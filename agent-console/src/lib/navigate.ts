/** Listeners told when the console moves to another of its paths. */
const listeners = new Set<() => void>();

/** The path under the app's base the address bar shows, e.g. `reports`. */
export function currentPath(): string {
  const base = import.meta.env.BASE_URL;
  const { pathname } = window.location;
  return pathname.startsWith(base) ? pathname.slice(base.length) : '';
}

/** Follows the browser's back and forward buttons as well as {@link navigate}. */
export function onPathChange(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/** Moves to another screen of the console without reloading the page. */
export function navigate(pathname: string): void {
  if (window.location.pathname === pathname) return;
  window.history.pushState(null, '', pathname);
  for (const listener of listeners) listener();
}
