import type { EarlierVisit } from '@loket/shared';
import { useEffect, useState } from 'react';
import { agentCommand } from '../lib/agent-commands';

/**
 * The visitor's earlier visits today at the same kiosk, asked once per ticket; empty while asked,
 * when the visitor did not say an earlier ticket was theirs, or when the server could not answer.
 */
export function useEarlierVisits(ticketId: string): EarlierVisit[] {
  const [visits, setVisits] = useState<{ ticketId: string; list: EarlierVisit[] } | null>(null);
  useEffect(() => {
    let open = true;
    agentCommand('visit:earlier', { ticketId })
      .then(({ visits: list }) => open && setVisits({ ticketId, list }))
      .catch(() => undefined);
    return () => {
      open = false;
    };
  }, [ticketId]);
  return visits?.ticketId === ticketId ? visits.list : [];
}
