import { useEffect } from 'react';
import { restoreSession } from '../lib/session';

/** Asks the server once, at start-up, who is signed in. */
export function useRestoreSession(): void {
  useEffect(() => {
    void restoreSession();
  }, []);
}
