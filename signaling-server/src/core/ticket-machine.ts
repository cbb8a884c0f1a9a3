import type { TicketStatus } from '@loket/shared';
import { machine } from './transition.js';

/** What can happen to a ticket. */
export type TicketEvent = 'offer' | 'accept' | 'return' | 'cancel' | 'end' | 'abandon' | 'requeue';

/**
 * How tickets move. `return` covers a declined or expired offer: the ticket waits again at the
 * head of its queue.
 */
export const ticketTransition = machine<TicketStatus, TicketEvent>({
  offer: { waiting: 'offered' },
  accept: { offered: 'in_call' },
  return: { offered: 'waiting' },
  cancel: { waiting: 'cancelled', offered: 'cancelled' },
  end: { in_call: 'done' },
  // The kiosk stayed away past the reconnect grace.
  abandon: { waiting: 'abandoned', offered: 'abandoned', in_call: 'abandoned' },
  // The agent was lost mid-call; the visitor, still there, waits again at the front.
  requeue: { in_call: 'waiting' },
});
