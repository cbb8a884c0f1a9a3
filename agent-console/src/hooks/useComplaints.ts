import { restRoutes, type ComplaintList } from '@loket/shared';
import { useCallback, useEffect, useState } from 'react';
import { callRoute } from '../lib/api';
import { errorCodeOf, type ConsoleErrorCode } from '../lib/errors';

/** How often the list is read again: deadlines count days, LAPOR! closes complaints on its own. */
const REFRESH_MS = 60_000;

/** The office's open complaints, read again every minute and on `reload`. */
export function useComplaints(): {
  list: ComplaintList | null;
  error: ConsoleErrorCode | null;
  reload: () => Promise<void>;
} {
  const [list, setList] = useState<ComplaintList | null>(null);
  const [error, setError] = useState<ConsoleErrorCode | null>(null);
  const reload = useCallback(
    () =>
      callRoute(restRoutes.complaints).then(
        (answer) => {
          setList(answer);
          setError(null);
        },
        (failure: unknown) => setError(errorCodeOf(failure)),
      ),
    [],
  );
  useEffect(() => {
    const timer = setInterval(() => void reload(), REFRESH_MS);
    void reload();
    return () => clearInterval(timer);
  }, [reload]);
  return { list, error, reload };
}
