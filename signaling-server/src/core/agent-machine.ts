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
  | 'withdraw'
  | 'endCall'
  | 'disconnect';

/**
 * How agents move. An agent chooses only available and away; offers and calls move them
 * otherwise. A missed offer sends the agent away so the queue stops waiting on them.
 */
export const agentTransition = machine<AgentStatus, AgentEvent>({
  goAvailable: { offline: 'available', away: 'available', available: 'available' },
  goAway: { offline: 'away', available: 'away', away: 'away' },
  offer: { available: 'offered' },
  accept: { offered: 'busy' },
  decline: { offered: 'available' },
  miss: { offered: 'away' },
  withdraw: { offered: 'available' },
  endCall: { busy: 'available' },
  disconnect: { available: 'offline', away: 'offline', offered: 'offline', offline: 'offline' },
});
