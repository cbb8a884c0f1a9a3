import { useCallback, useEffect, useState } from 'react';
import { errorCodeOf, type ConsoleErrorCode } from '../../lib/errors';

/** A list an administration section shows, loaded at once and again on `reload`. */
export function useAdminList<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ConsoleErrorCode | null>(null);
  const reload = useCallback(async () => {
    try {
      setData(await load());
      setError(null);
    } catch (caught) {
      setError(errorCodeOf(caught));
    }
  }, [load]);
  useEffect(() => {
    let live = true;
    load().then(
      (loaded) => {
        if (live) setData(loaded);
      },
      (caught: unknown) => {
        if (live) setError(errorCodeOf(caught));
      },
    );
    // A section left before its list arrived does not set it.
    return () => {
      live = false;
    };
  }, [load]);
  return { data, error, reload };
}
