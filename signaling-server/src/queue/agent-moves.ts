import type { AgentStatus, AgentView } from '@loket/shared';
import { agentTransition, type AgentEvent } from '../core/agent-machine.js';
import { clearsMissedOffers } from '../core/offer-expiry.js';
import { LoketError } from '../context/errors.js';
import type { Outbox } from '../context/outbox.js';
import { agentView } from '../read-models/views.js';
import type { Db } from '../store/database.js';
import { findAgent, moveAgent, type AgentWithUser } from '../store/repositories/agents.js';

/** Agents at work count towards wait estimates; those offline or away do not. */
const atWork = (status: AgentStatus) => status !== 'offline' && status !== 'away';

/**
 * Whether a move changes what matching uses: who is free, or who is at work (wait estimates).
 * Taking a call or going to wrap-up does neither.
 */
function changesMatching(from: AgentStatus, to: AgentStatus): boolean {
  return from === 'available' || to === 'available' || atWork(from) !== atWork(to);
}

/**
 * Moves a known agent to `next`, failing the transaction if the agent is no longer where it was
 * read. `idle` restarts the agent's idle time, putting them last among free agents. Coming back to
 * work, by their own choice or a manager's, forgets the offers they missed, as does `answered`
 * (they accepted or declined an offer), in the same write. Answers the agent as they now are;
 * their console and the office's dashboards hear of it after the commit, and the office's queue
 * is matched again when the move changes what matching uses.
 */
export async function applyAgentMove(
  trx: Db,
  outbox: Outbox,
  agent: AgentWithUser,
  next: AgentStatus,
  at: number,
  idle = next === 'available',
  answered = false,
): Promise<AgentView> {
  if (next === agent.status) return agentView(agent);
  const clearMissedOffers = answered || clearsMissedOffers(agent.status, next);
  const change = { status: next, at, idle, clearMissedOffers };
  if (!(await moveAgent(trx, agent.user_id, agent.status, change))) {
    throw new LoketError('INVALID_STATE', 'agent changed meanwhile');
  }
  const view = agentView({
    ...agent,
    status: next,
    status_since: at,
    idle_since: idle ? at : agent.idle_since,
  });
  outbox.add((n) => n.agentUpdated(view));
  if (changesMatching(agent.status, next)) outbox.queueChanged(agent.office_id);
  else outbox.figuresChanged(agent.office_id);
  return view;
}

/**
 * Moves an agent by an event, failing the transaction if the agent is not where it must be;
 * `answered` as for `applyAgentMove`.
 */
export async function moveAgentBy(
  trx: Db,
  outbox: Outbox,
  agentId: string,
  event: AgentEvent,
  at: number,
  answered = false,
): Promise<AgentView> {
  const agent = await findAgent(trx, agentId);
  if (!agent) throw new LoketError('NOT_FOUND', 'no such agent');
  const move = agentTransition(agent.status, event);
  if (!move.ok) throw new LoketError('INVALID_STATE', `an agent ${agent.status} cannot ${event}`);
  return applyAgentMove(trx, outbox, agent, move.next, at, move.next === 'available', answered);
}
