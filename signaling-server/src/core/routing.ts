/** Why a ticket goes ahead of ordinary ones. */
export type PriorityClass = 'transfer' | 'priority' | 'normal';

/** A ticket waiting to be offered, as routing sees it. */
export interface QueuedTicket {
  id: string;
  /** The service it waits for: positions are counted within each service's line. */
  serviceId: string;
  /** Every skill whoever serves it must hold (its service, its language, its needs'). */
  requires: readonly string[];
  /**
   * `transfer`: moved here from another service while the visitor waits, keeps the front.
   * `priority`: declared needs (disability, elderly, pregnant) or prioritised by a manager.
   */
  priority: PriorityClass;
  /** Position key within its queue; smaller is served first. A returned offer keeps it. */
  queuedAt: number;
  /** Set when a manager assigns the ticket, or an agent transfers it, to one named agent. */
  assignedAgentId: string | null;
}

/** What an agent can serve: services, languages and other skills, all as skills. */
export interface AgentSkills {
  skills: ReadonlySet<string>;
}

/** An agent free to take an offer. */
export interface FreeAgent extends AgentSkills {
  id: string;
  /** When the agent became free; the longest idle is offered first. */
  idleSince: number;
}

/** One ticket offered to one agent. */
export interface Match {
  ticketId: string;
  agentId: string;
}

/** Tuning of the order of the queue. */
export interface RoutingPolicy {
  /**
   * How much earlier a priority ticket counts as having joined. An ordinary ticket that has
   * waited this much longer than a priority one goes first, so nothing starves.
   */
  priorityAgingMs: number;
}

/** Five minutes of head start for priority tickets. */
export const DEFAULT_POLICY: RoutingPolicy = { priorityAgingMs: 5 * 60 * 1000 };

/**
 * Whether an agent may serve a ticket: they hold every skill it requires, and it is not kept for
 * someone else.
 */
export function canServe(
  agent: AgentSkills & { id: string },
  ticket: Pick<QueuedTicket, 'requires' | 'assignedAgentId'>,
): boolean {
  if (ticket.assignedAgentId !== null && ticket.assignedAgentId !== agent.id) return false;
  return ticket.requires.every((skill) => agent.skills.has(skill));
}

/** The effective order key: transfers first, then priority tickets with their head start. */
function orderKey(ticket: QueuedTicket, policy: RoutingPolicy): [number, number] {
  if (ticket.priority === 'transfer') return [0, ticket.queuedAt];
  const boost = ticket.priority === 'priority' ? policy.priorityAgingMs : 0;
  return [1, ticket.queuedAt - boost];
}

/** Sorts tickets into the order they are served. */
export function queueOrder(
  tickets: readonly QueuedTicket[],
  policy: RoutingPolicy = DEFAULT_POLICY,
): QueuedTicket[] {
  return [...tickets].sort((a, b) => {
    const [ca, ka] = orderKey(a, policy);
    const [cb, kb] = orderKey(b, policy);
    return ca - cb || ka - kb || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

const byIdle = (a: FreeAgent, b: FreeAgent) =>
  a.idleSince - b.idleSince || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Pairs waiting tickets with free agents: tickets in queue order, each to the longest-idle agent
 * who can serve it. Every agent and every ticket appears in at most one match, and no ticket is
 * left waiting while a free agent could serve it.
 */
export function route(
  tickets: readonly QueuedTicket[],
  agents: readonly FreeAgent[],
  policy: RoutingPolicy = DEFAULT_POLICY,
): Match[] {
  const free = [...agents].sort(byIdle);
  const matches: Match[] = [];
  for (const ticket of queueOrder(tickets, policy)) {
    if (free.length === 0) break;
    const index = free.findIndex((agent) => canServe(agent, ticket));
    if (index === -1) continue;
    const [agent] = free.splice(index, 1);
    if (agent) matches.push({ ticketId: ticket.id, agentId: agent.id });
  }
  return matches;
}

/** Position (1 = next) of each waiting ticket within its own service's queue, in serving order. */
export function positions(
  tickets: readonly QueuedTicket[],
  policy: RoutingPolicy = DEFAULT_POLICY,
): Map<string, number> {
  const next = new Map<string, number>();
  const result = new Map<string, number>();
  for (const ticket of queueOrder(tickets, policy)) {
    const position = (next.get(ticket.serviceId) ?? 0) + 1;
    next.set(ticket.serviceId, position);
    result.set(ticket.id, position);
  }
  return result;
}
