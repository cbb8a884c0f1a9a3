import { requiredSkills, Skill, type AgentStatus } from '@loket/shared';
import { z } from 'zod';
import { DEFAULT_HANDLE_MS, estimateWaits, waitRange, type WaitRange } from '../core/eta.js';
import {
  canServe,
  DEFAULT_POLICY,
  positions,
  type FreeAgent,
  type QueuedTicket,
} from '../core/routing.js';
import { listAgentStates } from '../store/repositories/agents.js';
import { listServices } from '../store/repositories/offices.js';
import { listTickets, type AheadGroup, type QueueSpot } from '../store/repositories/tickets.js';
import type { LineTicket } from '../store/repositories/waiting-line.js';
import type { PlacedTicket, WaitingLine } from '../store/waiting-line.js';
import type { Db } from '../store/database.js';
import type { ServiceRow, TicketRow } from '../store/schema.js';
import { needsOf, type QueueFacts } from '../read-models/views.js';
import type { SkillBook } from '../store/skill-book.js';

/** A signed-in agent's state with the skills routing needs. */
export interface SkilledAgent {
  status: AgentStatus;
  skills: FreeAgent;
}

const ServiceSkills = z.array(Skill);
// Every waiting ticket of a service asks for its skills; parsing them once per row read keeps
// working out a long queue's places from growing with a JSON parse per ticket.
const parsedSkills = new WeakMap<ServiceRow, string[]>();

/** The skills an office asks of whoever serves a service, beyond the service itself. */
export function serviceSkillsOf(service: ServiceRow | undefined): string[] {
  if (!service) return [];
  let skills = parsedSkills.get(service);
  if (!skills) {
    const parsed = ServiceSkills.safeParse(JSON.parse(service.skills));
    skills = parsed.success ? parsed.data : [];
    parsedSkills.set(service, skills);
  }
  return skills;
}

/**
 * A ticket row as routing sees it; `services` are the office's, whose skills its ticket requires
 * too (a retired service asks for nothing more than itself).
 */
export function queuedTicket(
  row: LineTicket,
  services: ReadonlyMap<string, ServiceRow>,
): QueuedTicket {
  return {
    id: row.id,
    serviceId: row.service_id,
    requires: requiredSkills({
      serviceId: row.service_id,
      language: row.language,
      needs: needsOf(row),
      serviceSkills: serviceSkillsOf(services.get(row.service_id)),
    }),
    priority: row.priority,
    queuedAt: row.queued_at,
    assignedAgentId: row.assigned_agent_id,
  };
}

/** An office's waiting tickets, its signed-in agents with their skills, and its services. */
export interface OfficeQueue<Waiting extends LineTicket = TicketRow> {
  waiting: Waiting[];
  agents: SkilledAgent[];
  handleMs: Map<string, number>;
  /** Active services by id. */
  services: Map<string, ServiceRow>;
}

/**
 * An office's agents who are signed in, with their skills. Offline agents are left out: nothing
 * that reads skills (availability, routing, estimates) counts them.
 */
export async function loadSkilledAgents(
  db: Db,
  skills: SkillBook,
  officeId: string,
): Promise<SkilledAgent[]> {
  const { states, skillsVersion } = await listAgentStates(db, officeId);
  const known = await skills.of(
    db,
    officeId,
    states.map((agent) => agent.user_id),
    skillsVersion,
  );
  const agents: SkilledAgent[] = [];
  for (const { user_id: id, status, idle_since: idleSince } of states) {
    // The book holds every agent asked for; an agent whose user is gone has no skills to count.
    const skilled = known.get(id);
    if (!skilled) continue;
    agents.push({ status, skills: { id, idleSince, skills: skilled.skills } });
  }
  return agents;
}

/** An office's signed-in agents and its services: what one ticket's facts need besides the count. */
export type OfficeStaff = Omit<OfficeQueue, 'waiting'>;

/** Loads an office's signed-in agents and services, without its queue. */
export async function loadOfficeStaff(
  db: Db,
  skills: SkillBook,
  officeId: string,
): Promise<OfficeStaff> {
  const [agents, services] = await Promise.all([
    loadSkilledAgents(db, skills, officeId),
    listServices(db, officeId),
  ]);
  return {
    agents,
    handleMs: new Map(
      services.flatMap((s) => (s.avg_handle_ms === null ? [] : [[s.id, s.avg_handle_ms] as const])),
    ),
    services: new Map(services.map((service) => [service.id, service])),
  };
}

/**
 * Loads what routing and estimates need for one office; `waiting` when the caller has just read
 * the waiting tickets in the same transaction.
 */
export async function loadOfficeQueue(
  db: Db,
  skills: SkillBook,
  officeId: string,
  waiting?: TicketRow[],
): Promise<OfficeQueue> {
  const [tickets, staff] = await Promise.all([
    waiting ?? listTickets(db, officeId, ['waiting']),
    loadOfficeStaff(db, skills, officeId),
  ]);
  return { waiting: tickets, ...staff };
}

/** Agents signed in and at work (not offline, not away): who will serve the queue. */
export function servingAgents(queue: OfficeStaff): FreeAgent[] {
  return queue.agents
    .filter((agent) => agent.status !== 'offline' && agent.status !== 'away')
    .map((agent) => agent.skills);
}

/** Position and wait estimate of every waiting ticket. */
export function queueFacts(queue: OfficeQueue<LineTicket>): Map<string, QueueFacts> {
  const tickets = queue.waiting.map((row) => queuedTicket(row, queue.services));
  const places = positions(tickets, DEFAULT_POLICY);
  const waits = estimateWaits(tickets, servingAgents(queue), queue.handleMs, DEFAULT_POLICY);
  const facts = new Map<string, QueueFacts>();
  for (const [id, position] of places) facts.set(id, { position, wait: waits.get(id) ?? null });
  return facts;
}

const sameWait = (a: WaitRange | null, b: WaitRange | null) =>
  a === b || (a !== null && b !== null && a.minMs === b.minMs && a.maxMs === b.maxMs);

/** Tickets of one group ask for the same agents and are placed among the same service's. */
interface CountedGroup {
  index: number;
  serviceId: string;
  eligible: Set<string>;
  handleMs: number;
  /** Indexes of the groups whose tickets compete with this one's for at least one agent. */
  competing: number[];
}

/** What a waiting ticket's kiosk was last told, and the telling that last found it waiting. */
export interface ToldFacts extends QueueFacts {
  telling: number;
}

/**
 * Works out the position and wait estimate of every ticket of a line already in serving order,
 * the same as `queueFacts` gives them, into `told`, and answers the tickets whose facts moved
 * from those `told` held; tickets no longer in the line are forgotten. Who may serve a ticket is
 * worked out once per group, and facts that did not move are left as they were, so telling a
 * long line its places a few times a second costs a sum over the groups per ticket and leaves
 * nothing behind to collect. `telling` numbers this telling apart from the one before.
 */
export function tellLine(
  line: readonly PlacedTicket[],
  staff: OfficeStaff,
  told: Map<string, ToldFacts>,
  telling: number,
): string[] {
  const serving = servingAgents(staff);
  const groups = new Map<string, CountedGroup>();
  for (const { group: key, ticket } of line) {
    if (groups.has(key)) continue;
    const asked = queuedTicket(ticket, staff.services);
    groups.set(key, {
      index: groups.size,
      serviceId: ticket.service_id,
      eligible: new Set(serving.filter((agent) => canServe(agent, asked)).map((a) => a.id)),
      handleMs: staff.handleMs.get(ticket.service_id) ?? DEFAULT_HANDLE_MS,
      competing: [],
    });
  }
  for (const group of groups.values()) {
    for (const other of groups.values()) {
      if ([...group.eligible].some((id) => other.eligible.has(id))) {
        group.competing.push(other.index);
      }
    }
  }
  const seen = new Array<number>(groups.size).fill(0);
  const placed = new Map<string, number>();
  const moved: string[] = [];
  for (const { group: key, ticket } of line) {
    const group = groups.get(key)!;
    const position = (placed.get(group.serviceId) ?? 0) + 1;
    placed.set(group.serviceId, position);
    let ahead = 0;
    for (const other of group.competing) ahead += seen[other]!;
    seen[group.index]! += 1;
    const wait = waitRange(ahead, group.eligible.size, group.handleMs);
    const before = told.get(ticket.id);
    if (before?.position === position && sameWait(before.wait, wait)) {
      before.telling = telling;
    } else {
      told.set(ticket.id, { position, wait, telling });
      moved.push(ticket.id);
    }
  }
  if (told.size > line.length) {
    for (const [id, facts] of told) if (facts.telling !== telling) told.delete(id);
  }
  return moved;
}

/**
 * Position and wait estimate of one waiting ticket, the same as `queueFacts` gives it, from a
 * count of the tickets ahead of it in the line held in memory instead of the whole queue read
 * from the store: the work of a kiosk's bootstrap or a new ticket does not grow with the rows of
 * the queue.
 */
export async function ticketFacts(
  db: Db,
  line: WaitingLine,
  staff: OfficeStaff,
  ticket: LineTicket & QueueSpot,
): Promise<QueueFacts> {
  return factsFromAhead(await line.ahead(db, ticket), staff, ticket);
}

/** A waiting ticket's position and wait estimate from the tickets served before it, per group. */
export function factsFromAhead(
  ahead: readonly AheadGroup[],
  staff: OfficeStaff,
  ticket: LineTicket & QueueSpot,
): QueueFacts {
  const serving = servingAgents(staff);
  const eligible = (row: QueuedTicket) =>
    new Set(serving.filter((agent) => canServe(agent, row)).map((agent) => agent.id));
  const own = eligible(queuedTicket(ticket, staff.services));
  let position = 1;
  let competing = 0;
  for (const group of ahead) {
    if (group.service_id === ticket.service_id) position += group.count;
    if (own.size === 0) continue;
    const row = queuedTicket({ ...ticket, ...group, priority: 'normal' }, staff.services);
    if ([...eligible(row)].some((id) => own.has(id))) competing += group.count;
  }
  const handle = staff.handleMs.get(ticket.service_id) ?? DEFAULT_HANDLE_MS;
  return { position, wait: waitRange(competing, own.size, handle) };
}
