import type { AgentStatus, AgentView } from '@loket/shared';
import { agentTransition, type AgentEvent } from '../core/agent-machine.js';
import { clearsMissedOffers } from '../core/offer-expiry.js';
import { LoketError } from '../context/errors.js';
import type { Outbox } from '../context/outbox.js';
import { agentView } from '../read-models/views.js';
import type { Db } from '../store/database.js';
import {
  findAgent,
  moveAgent,
  moveAgents,
  type AgentWithUser,
} from '../store/repositories/agents.js';

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
 * How a move treats the agent's counters. `idle` (the default when the agent becomes available)
 * restarts their idle time, putting them last among free agents. `answered`: they accepted or
 * declined an offer, which forgets the offers they missed, as coming back to work does.
 */
export interface MoveOptions {
  idle?: boolean;
  answered?: boolean;
}

function changeOf(from: AgentStatus, next: AgentStatus, at: number, options: MoveOptions) {
  const { idle = next === 'available', answered = false } = options;
  return { status: next, at, idle, clearMissedOffers: answered || clearsMissedOffers(from, next) };
}

/** Tells of an agent's move after the commit, and has the office matched when it counts. */
function tellMove(outbox: Outbox, from: AgentStatus, view: AgentView, officeId: string): void {
  outbox.add((n) => n.agentUpdated(view));
  if (changesMatching(from, view.status)) outbox.queueChanged(officeId);
  else outbox.figuresChanged(officeId);
}

/**
 * Moves a known agent to `next`, failing the transaction if the agent is no longer where it was
 * read; see `MoveOptions`. Answers the agent as they now are; their console and the office's
 * dashboards hear of it after the commit, and the office's queue is matched again when the move
 * changes what matching uses.
 */
export async function applyAgentMove(
  trx: Db,
  outbox: Outbox,
  agent: AgentWithUser,
  next: AgentStatus,
  at: number,
  options: MoveOptions = {},
): Promise<AgentView> {
  if (next === agent.status) return agentView(agent);
  const change = changeOf(agent.status, next, at, options);
  if (!(await moveAgent(trx, agent.user_id, agent.status, change))) {
    throw new LoketError('INVALID_STATE', 'agent changed meanwhile');
  }
  const view = agentView({
    ...agent,
    status: next,
    status_since: at,
    idle_since: change.idle ? at : agent.idle_since,
  });
  tellMove(outbox, agent.status, view, agent.office_id);
  return view;
}

/** Moves an agent by an event, failing the transaction if the agent is not where it must be. */
export async function moveAgentBy(
  trx: Db,
  outbox: Outbox,
  agentId: string,
  event: AgentEvent,
  at: number,
  options: Omit<MoveOptions, 'idle'> = {},
): Promise<AgentView> {
  const agent = await findAgent(trx, agentId);
  if (!agent) throw new LoketError('NOT_FOUND', 'no such agent');
  const move = agentTransition(agent.status, event);
  if (!move.ok) throw new LoketError('INVALID_STATE', `an agent ${agent.status} cannot ${event}`);
  return applyAgentMove(trx, outbox, agent, move.next, at, options);
}

/**
 * Moves several agents, all in state `from`, by one event in one statement, failing the
 * transaction if any of them is no longer there.
 */
export async function moveAgentsBy(
  trx: Db,
  outbox: Outbox,
  agentIds: readonly string[],
  from: AgentStatus,
  event: AgentEvent,
  at: number,
): Promise<void> {
  const move = agentTransition(from, event);
  if (!move.ok) throw new LoketError('INVALID_STATE', `an agent ${from} cannot ${event}`);
  const moved = await moveAgents(trx, agentIds, from, changeOf(from, move.next, at, {}));
  if (moved.length !== agentIds.length) {
    throw new LoketError('INVALID_STATE', 'an agent changed meanwhile');
  }
  for (const agent of moved) tellMove(outbox, from, agentView(agent), agent.office_id);
}
