import { useCallback, useState } from 'react';
import { errorCodeOf, type ConsoleErrorCode } from '../lib/errors';
import { signedOut } from '../store/actions';

/** A command run from a dialog or form: whether it runs now, and the code it failed with. */
export interface Command {
  pending: boolean;
  error: ConsoleErrorCode | null;
  /** Runs `work`; answers whether it succeeded. An expired session goes back to sign-in. */
  run(work: () => Promise<unknown>): Promise<boolean>;
}

/** Runs one command at a time for a dialog or form, keeping its error beside it. */
export function useCommand(): Command {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ConsoleErrorCode | null>(null);
  const run = useCallback(async (work: () => Promise<unknown>) => {
    setPending(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (failure) {
      const code = errorCodeOf(failure);
      if (code === 'UNAUTHENTICATED') signedOut('expired');
      setError(code);
      return false;
    } finally {
      setPending(false);
    }
  }, []);
  return { pending, error, run };
}
