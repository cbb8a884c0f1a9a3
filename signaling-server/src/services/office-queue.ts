import { Language, Need, type WaitRange } from '@loket/shared';
import { estimateWaits } from '../core/eta.js';
import { DEFAULT_POLICY, positions, type FreeAgent, type QueuedTicket } from '../core/routing.js';
import { listAgents, listAgentServices, type AgentWithUser } from '../store/repositories/agents.js';
import { listServices } from '../store/repositories/offices.js';
import { listTickets } from '../store/repositories/tickets.js';
import type { Db } from '../store/database.js';
import type { TicketRow } from '../store/schema.js';

/** An agent with the skills routing needs. */
export type SkilledAgent = AgentWithUser & { skills: FreeAgent };

/** Where a waiting ticket stands: its place in its service's line and its estimated wait. */
export interface QueueFacts {
  position: number;
  wait: WaitRange | null;
}

/** The needs of a ticket row, ignoring anything unknown. */
export function needsOf(row: Pick<TicketRow, 'needs'>): Need[] {
  return row.needs.split(',').flatMap((raw) => {
    const parsed = Need.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The languages of a comma-separated list, ignoring anything unknown. */
export function languagesOf(csv: string): Language[] {
  return csv.split(',').flatMap((code) => {
    const parsed = Language.safeParse(code.trim());
    return parsed.success ? [parsed.data] : [];
  });
}

/** A ticket row as routing sees it. */
export function queuedTicket(row: TicketRow): QueuedTicket {
  return {
    id: row.id,
    serviceId: row.service_id,
    language: row.language,
    signLanguage: row.sign_language === 1,
    priority: row.priority,
    queuedAt: row.queued_at,
    assignedAgentId: row.assigned_agent_id,
  };
}

/** An office's waiting tickets and its agents with their skills, loaded in one go. */
export interface OfficeQueue {
  waiting: TicketRow[];
  agents: SkilledAgent[];
  handleMs: Map<string, number>;
}

/** An office's agents with their skills. */
export async function loadSkilledAgents(db: Db, officeId: string): Promise<SkilledAgent[]> {
  const [agents, skills] = await Promise.all([
    listAgents(db, officeId),
    listAgentServices(db, officeId),
  ]);
  return agents.map((agent) => ({
    ...agent,
    skills: {
      id: agent.user_id,
      idleSince: agent.idle_since,
      serviceIds: skills.get(agent.user_id) ?? [],
      languages: languagesOf(agent.languages),
      signLanguage: agent.sign_language === 1,
    },
  }));
}

/** Loads what routing and estimates need for one office. */
export async function loadOfficeQueue(db: Db, officeId: string): Promise<OfficeQueue> {
  const [waiting, agents, services] = await Promise.all([
    listTickets(db, officeId, ['waiting']),
    loadSkilledAgents(db, officeId),
    listServices(db, officeId),
  ]);
  return {
    waiting,
    agents,
    handleMs: new Map(
      services.flatMap((s) => (s.avg_handle_ms === null ? [] : [[s.id, s.avg_handle_ms] as const])),
    ),
  };
}

/** Agents signed in and at work (not offline, not away): who will serve the queue. */
export function servingAgents(queue: OfficeQueue): FreeAgent[] {
  return queue.agents
    .filter((agent) => agent.status !== 'offline' && agent.status !== 'away')
    .map((agent) => agent.skills);
}

/** Position and wait estimate of every waiting ticket. */
export function queueFacts(queue: OfficeQueue): Map<string, QueueFacts> {
  const tickets = queue.waiting.map(queuedTicket);
  const places = positions(tickets, DEFAULT_POLICY);
  const waits = estimateWaits(tickets, servingAgents(queue), queue.handleMs, DEFAULT_POLICY);
  const facts = new Map<string, QueueFacts>();
  for (const [id, position] of places) facts.set(id, { position, wait: waits.get(id) ?? null });
  return facts;
}
