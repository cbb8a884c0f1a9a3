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
  useEffect(() => void reload(), [reload]);
  return { data, error, reload };
}
