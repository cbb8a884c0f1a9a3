import type { AgentStatus, AgentView } from '@loket/shared';
import { agentTransition, type AgentEvent } from '../core/agent-machine.js';
import { LoketError } from '../context/errors.js';
import type { Outbox } from '../context/outbox.js';
import { agentView } from '../read-models/views.js';
import type { Db } from '../store/database.js';
import { findAgent, moveAgent, type AgentWithUser } from '../store/repositories/agents.js';

/**
 * Moves a known agent to `next`, failing the transaction if the agent is no longer where it was
 * read. `idle` restarts the agent's idle time, putting them last among free agents. Answers the
 * agent as they now are; their console and the office's queue hear of it after the commit.
 */
export async function applyAgentMove(
  trx: Db,
  outbox: Outbox,
  agent: AgentWithUser,
  next: AgentStatus,
  at: number,
  idle = next === 'available',
): Promise<AgentView> {
  if (next === agent.status) return agentView(agent);
  if (!(await moveAgent(trx, agent.user_id, agent.status, { status: next, at, idle }))) {
    throw new LoketError('INVALID_STATE', 'agent changed meanwhile');
  }
  const view = agentView({
    ...agent,
    status: next,
    status_since: at,
    idle_since: idle ? at : agent.idle_since,
  });
  outbox.add((n) => n.agentUpdated(view));
  outbox.queueChanged(agent.office_id);
  return view;
}

/** Moves an agent by an event, failing the transaction if the agent is not where it must be. */
export async function moveAgentBy(
  trx: Db,
  outbox: Outbox,
  agentId: string,
  event: AgentEvent,
  at: number,
): Promise<AgentView> {
  const agent = await findAgent(trx, agentId);
  if (!agent) throw new LoketError('NOT_FOUND', 'no such agent');
  const move = agentTransition(agent.status, event);
  if (!move.ok) throw new LoketError('INVALID_STATE', `an agent ${agent.status} cannot ${event}`);
  return applyAgentMove(trx, outbox, agent, move.next, at);
}
