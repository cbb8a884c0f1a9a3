import { useEffect, useState } from 'react';
import { LOADING_VIEW, watchCall, type MonitorView } from '../lib/monitor';
import { signedOut } from '../store/actions';

/**
 * Watches the call `ticketId` is in while the caller is mounted; an expired session signs out.
 * Give the caller a `key` of the ticket, so that another ticket starts from loading.
 */
export function useMonitor(ticketId: string): MonitorView {
  const [view, setView] = useState<MonitorView>(LOADING_VIEW);
  useEffect(() => {
    return watchCall(ticketId, (next) => {
      if (next.error === 'UNAUTHENTICATED') signedOut('expired');
      setView(next);
    });
  }, [ticketId]);
  return view;
}
