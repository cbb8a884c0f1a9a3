import type { CallbackView } from '@loket/shared';
import { useCallback, useEffect, useState } from 'react';
import { requestCallbacks } from '../lib/agent-commands';
import type { ConsoleErrorCode } from '../lib/errors';
import { useCommand } from './useCommand';
import { useConsole } from './useConsole';

/** How often the open call-backs are fetched again while shown. */
export const CALLBACKS_REFRESH_MS = 30_000;

/** The office's open call-back requests, fetched while connected and again every 30 s. */
export function useCallbacks(): {
  callbacks: CallbackView[] | null;
  loading: boolean;
  error: ConsoleErrorCode | null;
  refresh: () => Promise<void>;
} {
  const connected = useConsole((state) => state.connection === 'connected');
  const [callbacks, setCallbacks] = useState<CallbackView[] | null>(null);
  const { run, pending, error } = useCommand();
  const refresh = useCallback(async () => {
    await run(async () => setCallbacks(await requestCallbacks()));
  }, [run]);
  useEffect(() => {
    if (!connected) return undefined;
    const first = setTimeout(() => void refresh(), 0);
    const timer = setInterval(() => void refresh(), CALLBACKS_REFRESH_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [connected, refresh]);
  return { callbacks, loading: pending, error, refresh };
}
