import { agentContract, type EarlierVisit } from '@loket/shared';
import { useEffect, useState } from 'react';
import { agentCommand } from '../lib/agent-commands';
import { agentSocket } from '../lib/agent-socket';
import { listenTo } from '../lib/commands';

/**
 * The visitor's earlier visits today at the same kiosk, asked per ticket and again when the
 * visitor links one while the officer already sees them; empty while asked, when the visitor did
 * not say an earlier ticket was theirs, or when the server could not answer.
 */
export function useEarlierVisits(ticketId: string): EarlierVisit[] {
  const [visits, setVisits] = useState<{ ticketId: string; list: EarlierVisit[] } | null>(null);
  useEffect(() => {
    let open = true;
    const ask = () =>
      agentCommand('visit:earlier', { ticketId })
        .then(({ visits: list }) => open && setVisits({ ticketId, list }))
        .catch(() => undefined);
    void ask();
    const stop = listenTo(agentSocket(), agentContract.events, {
      'visit:earlierLinked': (ref) => {
        if (ref.ticketId === ticketId) void ask();
      },
    });
    return () => {
      open = false;
      stop();
    };
  }, [ticketId]);
  return visits?.ticketId === ticketId ? visits.list : [];
}
