import { useCallback, useEffect, useState } from 'react';
import { errorCodeOf, type ConsoleErrorCode } from '../lib/errors';

/** Where an admin record stands: read, being saved, and what came of the last save. */
export interface AdminRecord<T> {
  data: T | null;
  busy: boolean;
  saved: boolean;
  error: ConsoleErrorCode | null;
  /** Reads the record again (after someone else changed it). */
  reload: () => void;
  /** Runs a change; its answer becomes the record. */
  save: (change: () => Promise<T>) => Promise<boolean>;
}

/** Reads an admin record with `read` on mount and keeps it through saves. */
export function useAdminRecord<T>(read: () => Promise<T>): AdminRecord<T> {
  const [data, setData] = useState<T | null>(null);
  const [busy, setBusy] = useState(true);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ConsoleErrorCode | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    read()
      .then((record) => {
        if (!current) return;
        setData(record);
        setError(null);
      })
      .catch((failure: unknown) => current && setError(errorCodeOf(failure)))
      .finally(() => current && setBusy(false));
    return () => {
      current = false;
    };
  }, [read, generation]);

  const save = useCallback(async (change: () => Promise<T>) => {
    setBusy(true);
    setSaved(false);
    try {
      setData(await change());
      setError(null);
      setSaved(true);
      return true;
    } catch (failure) {
      setError(errorCodeOf(failure));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  const reload = useCallback(() => {
    setSaved(false);
    setBusy(true);
    setGeneration((n) => n + 1);
  }, []);

  return { data, busy, saved, error, reload, save };
}
