import type { AgentStatus } from '@loket/shared';
import { machine } from './transition.js';

/** What can happen to an agent. */
export type AgentEvent =
  | 'goAvailable'
  | 'goAway'
  | 'offer'
  | 'accept'
  | 'decline'
  | 'miss'
  | 'missAgain'
  | 'withdraw'
  | 'endCall'
  | 'endWrapUp'
  | 'lose'
  | 'disconnect';

/**
 * How agents move. An agent chooses only available and away; offers and calls move them
 * otherwise. One missed offer leaves the agent available (last in line); missing again in a row
 * sends them away, so the queue stops waiting on an empty desk.
 */
export const agentTransition = machine<AgentStatus, AgentEvent>({
  goAvailable: {
    offline: 'available',
    away: 'available',
    available: 'available',
    wrap_up: 'available',
  },
  goAway: { offline: 'away', available: 'away', away: 'away', wrap_up: 'away' },
  offer: { available: 'offered' },
  accept: { offered: 'busy' },
  decline: { offered: 'available' },
  miss: { offered: 'available' },
  missAgain: { offered: 'away' },
  withdraw: { offered: 'available' },
  endCall: { busy: 'wrap_up' },
  endWrapUp: { wrap_up: 'available' },
  // The console is gone: mid-call past the reconnect grace, or during wrap-up.
  lose: { busy: 'offline', wrap_up: 'offline' },
  disconnect: { available: 'offline', away: 'offline', offered: 'offline', offline: 'offline' },
});
