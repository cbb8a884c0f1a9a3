import {
  knownNeeds,
  requiredSkills,
  TERMINAL_TICKET_STATUSES,
  type Language,
  type TicketStatus,
} from '@loket/shared';
import { sql } from 'kysely';
import { ticketTransition, type TicketEvent } from '../../src/core/ticket-machine.js';
import type { Db } from '../../src/store/database.js';
import type { AuditRow, TicketRow } from '../../src/store/schema.js';
import { seededSkills, type SeededAgent } from './seed-office.js';

/** A property that did not hold, with the ids to pull the counterexample out of the history. */
export interface Violation {
  property: string;
  message: string;
  ids: string[];
  /** When a client saw it (epoch ms); its counterexample shows the history up to then. */
  at?: number;
}

/** An audit row in commit order (`order`), with its details parsed. */
export interface OrderedAudit extends Omit<AuditRow, 'details'> {
  order: number;
  details: Record<string, unknown>;
}

/** A kill -9 and restart: offers in flight went back to waiting, unaudited. */
export interface Restart {
  killAt: number;
  /** Commit order of the restart among audit rows (between the last row before it and the next). */
  order: number;
}

/**
 * Audit rows in commit order along each ticket and agent. SQLite writes one transaction at a
 * time, so its rowid is commit order; on PostgreSQL the test adds a `seq` column (see
 * history-store.ts) numbered at insert, behind the row lock of the ticket or agent concerned.
 */
export async function loadAudit(db: Db, dialect: 'sqlite' | 'postgres'): Promise<OrderedAudit[]> {
  const query =
    dialect === 'sqlite'
      ? sql<AuditRow & { seq: number }>`select rowid as seq, * from audit_log order by rowid`
      : sql<AuditRow & { seq: number }>`select * from audit_log order by seq`;
  const { rows } = await query.execute(db);
  return rows.map(({ seq, details, ...row }) => ({
    ...row,
    order: Number(seq),
    details: JSON.parse(details) as Record<string, unknown>,
  }));
}

/** Where a restart falls among audit rows: after every row written before the kill. */
export function restartOrder(audit: OrderedAudit[], killAt: number): number {
  const before = audit.filter((row) => row.at <= killAt);
  return Math.max(0, ...before.map((row) => row.order)) + 0.5;
}

const RELEASES = new Set([
  'offer.declined',
  'offer.expired',
  'offer.abandoned',
  'ticket.cancelled',
  'ticket.abandoned',
]);

/**
 * No ticket in two agents' hands at once; no agent holding two tickets at once. Replays offers
 * and calls from the audit log in commit order: an offer starts a hold, acceptance turns it into
 * a call; an answer, cancellation, abandonment, call end or restart (offers only) ends it.
 */
export function checkExclusion(audit: OrderedAudit[], restarts: Restart[]): Violation[] {
  const byTicket = new Map<string, { agentId: string; kind: string; row: string }>();
  const byAgent = new Map<string, { ticketId: string; kind: string; row: string }>();
  const violations: Violation[] = [];
  const release = (ticketId: string) => {
    const hold = byTicket.get(ticketId);
    if (!hold) return;
    byTicket.delete(ticketId);
    if (byAgent.get(hold.agentId)?.ticketId === ticketId) byAgent.delete(hold.agentId);
  };
  const events = [
    ...audit.map((row) => ({ order: row.order, row })),
    ...restarts.map((restart) => ({ order: restart.order, restart })),
  ].sort((a, b) => a.order - b.order);
  for (const event of events) {
    if ('restart' in event) {
      for (const [ticketId, hold] of byTicket) if (hold.kind === 'offer') release(ticketId);
      continue;
    }
    const { row } = event;
    const subject = row.subject_id ?? '';
    if (row.action === 'offer.made') {
      const agentId = String(row.details.agentId);
      const ticketHold = byTicket.get(subject);
      const agentHold = byAgent.get(agentId);
      if (ticketHold) {
        violations.push({
          property: 'no ticket in two hands at once',
          message: `ticket ${subject} was offered to ${agentId} (audit #${row.order}) while in the ${ticketHold.kind} of ${ticketHold.agentId} (audit ${ticketHold.row})`,
          ids: [subject, agentId, ticketHold.agentId],
        });
      }
      if (agentHold) {
        violations.push({
          property: 'no agent holds two tickets at once',
          message: `agent ${agentId} was offered ${subject} (audit #${row.order}) while holding ${agentHold.ticketId} in ${agentHold.kind} (audit ${agentHold.row})`,
          ids: [agentId, subject, agentHold.ticketId],
        });
      }
      release(subject);
      byTicket.set(subject, { agentId, kind: 'offer', row: `#${row.order}` });
      byAgent.set(agentId, { ticketId: subject, kind: 'offer', row: `#${row.order}` });
    } else if (row.action === 'offer.accepted') {
      const hold = byTicket.get(subject);
      if (hold) hold.kind = 'call';
      const agentHold = hold && byAgent.get(hold.agentId);
      if (agentHold?.ticketId === subject) agentHold.kind = 'call';
    } else if (RELEASES.has(row.action)) {
      release(subject);
    } else if (row.action === 'call.ended') {
      release(String(row.details.ticketId));
    }
  }
  return violations;
}

/** What routing may use to tell two tickets apart; equal keys must be served in queue order. */
interface Routable {
  priority: string;
  serviceId: string | null;
  language: Language;
  /** The ticket's declared needs, as stored. */
  needs: string;
  queuedAt: number;
}

/** Every skill whoever serves the ticket must hold; null while its service is unknown. */
const requiresOf = (r: Routable) =>
  r.serviceId === null
    ? null
    : requiredSkills({
        serviceId: r.serviceId,
        language: r.language,
        needs: knownNeeds(r.needs.split(',')),
      });

const keyOf = (r: Routable) => {
  const requires = requiresOf(r);
  return requires && `${r.priority}|${requires.join(' ')}`;
};

/**
 * FIFO within a priority class and skill set, and skills on every offer: replays the audit log
 * in commit order, tracking which tickets wait and with which routing key. An offer to Y while
 * an earlier-queued X with the same key waits is an inversion. On PostgreSQL, where commit order
 * is not recorded, X must have waited `slackMs` before and after the offer (in-flight commits).
 */
export function checkRouting(input: {
  audit: OrderedAudit[];
  tickets: TicketRow[];
  agents: SeededAgent[];
  restarts: Restart[];
  transfers: Map<string, string>;
  slackMs: number;
}): Violation[] {
  const { audit, agents, restarts, transfers, slackMs } = input;
  const tickets = new Map(input.tickets.map((t) => [t.id, t]));
  const skills = new Map(agents.map((a) => [a.id, { ...a, skills: seededSkills(a) }]));
  const state = new Map<string, Routable>();
  const waiting = new Map<string, { since: number; order: number }>();
  const offered = new Set<string>();
  const candidates: { x: string; y: string; at: number; message: string }[] = [];
  const leftAt = new Map<string, number[]>();
  const violations: Violation[] = [];
  const leave = (id: string, at: number) => {
    if (waiting.delete(id)) leftAt.set(id, [...(leftAt.get(id) ?? []), at]);
  };
  const events = [
    ...audit.map((row) => ({ order: row.order, row })),
    ...restarts.map((restart) => ({ order: restart.order, restart })),
  ].sort((a, b) => a.order - b.order);

  for (const event of events) {
    if ('restart' in event && event.restart) {
      for (const id of offered)
        waiting.set(id, { since: event.restart.killAt, order: event.order });
      offered.clear();
      continue;
    }
    const row = 'row' in event ? event.row : undefined;
    if (!row) continue;
    const ticketId =
      row.action === 'call.ended' ? String(row.details.ticketId) : (row.subject_id ?? '');
    const ticket = tickets.get(ticketId);
    if (!ticket) continue;
    switch (row.action) {
      case 'ticket.created':
        state.set(ticketId, {
          priority: String(row.details.priority),
          serviceId: String(row.details.serviceId),
          language: ticket.language,
          needs: ticket.needs,
          queuedAt: ticket.queued_at,
        });
        waiting.set(ticketId, { since: row.at, order: row.order });
        break;
      case 'offer.made': {
        const y = state.get(ticketId);
        const agent = skills.get(String(row.details.agentId));
        const yKey = y && keyOf(y);
        if (agent && y) {
          const wrong = (requiresOf(y) ?? []).filter((skill) => !agent.skills.has(skill));
          if (wrong.length) {
            violations.push({
              property: 'offers only to skilled agents (BISINDO only to signers)',
              message: `offer ${row.id} of ticket ${ticketId} to ${agent.username}, who lacks ${wrong.join(', ')}`,
              ids: [ticketId, agent.id],
            });
          }
        }
        for (const [x, since] of waiting) {
          const other = state.get(x);
          if (x === ticketId || !other || !y || keyOf(other) !== yKey || yKey === null) continue;
          if (other.queuedAt > y.queuedAt || (other.queuedAt === y.queuedAt && x > ticketId))
            continue;
          if (slackMs > 0 && since.since + slackMs > row.at) continue;
          candidates.push({
            x,
            y: ticketId,
            at: row.at,
            message:
              `ticket ${ticketId} (queued ${y.queuedAt}, key ${yKey}) was offered at ${row.at} ` +
              `(audit ${row.id}) while ticket ${x} (queued ${other.queuedAt}, same key) had been ` +
              `waiting since ${since.since}`,
          });
        }
        leave(ticketId, row.at);
        offered.add(ticketId);
        break;
      }
      case 'offer.declined':
      case 'offer.expired':
      case 'offer.abandoned':
        offered.delete(ticketId);
        waiting.set(ticketId, { since: row.at, order: row.order });
        break;
      case 'offer.accepted':
        offered.delete(ticketId);
        break;
      case 'ticket.cancelled':
      case 'ticket.abandoned':
        offered.delete(ticketId);
        leave(ticketId, row.at);
        break;
      case 'call.ended': {
        const outcome = String(row.details.outcome);
        const current = state.get(ticketId);
        if ((outcome === 'transfer' || outcome === 'requeue') && current) {
          const serviceId =
            outcome === 'requeue'
              ? current.serviceId
              : (transfers.get(row.subject_id ?? '') ?? null);
          state.set(ticketId, { ...current, priority: 'transfer', serviceId });
          waiting.set(ticketId, { since: row.at, order: row.order });
        }
        break;
      }
    }
  }
  for (const candidate of candidates) {
    const exits = leftAt.get(candidate.x) ?? [];
    const exit = exits.find((at) => at >= candidate.at) ?? Infinity;
    if (slackMs > 0 && exit < candidate.at + slackMs) continue;
    violations.push({
      property: 'FIFO within a priority class and skill set',
      message: `${candidate.message}, and still waited until ${exit}`,
      ids: [candidate.x, candidate.y],
    });
  }
  return violations;
}

/** After draining: every ticket terminal, every call ended, no agent holding anything. */
export async function checkDrained(db: Db): Promise<Violation[]> {
  const violations: Violation[] = [];
  const open = await db
    .selectFrom('tickets')
    .selectAll()
    .where('status', 'not in', [...TERMINAL_TICKET_STATUSES])
    .execute();
  for (const ticket of open) {
    violations.push({
      property: 'every ticket reaches a terminal state',
      message: `ticket ${ticket.id} (${ticket.number}) is still ${ticket.status} (service ${ticket.service_id}, ${ticket.language}, needs ${ticket.needs || 'none'}, priority ${ticket.priority}, assigned ${ticket.assigned_agent_id}, offered to ${ticket.offered_agent_id})`,
      ids: [ticket.id],
    });
  }
  const calls = await db.selectFrom('calls').selectAll().where('ended_at', 'is', null).execute();
  for (const call of calls) {
    violations.push({
      property: 'every call ends',
      message: `call ${call.id} of ticket ${call.ticket_id} with agent ${call.agent_id} never ended`,
      ids: [call.id, call.ticket_id, call.agent_id],
    });
  }
  return violations;
}

/** Statuses a ticket may reach from `from`, by its machine and by recovery (offered → waiting). */
function reachable(from: TicketStatus): Set<TicketStatus> {
  const events: TicketEvent[] = [
    'offer',
    'accept',
    'return',
    'cancel',
    'end',
    'abandon',
    'requeue',
  ];
  const seen = new Set<TicketStatus>([from]);
  const queue: TicketStatus[] = [from];
  for (let status = queue.pop(); status !== undefined; status = queue.pop()) {
    const nexts = events.flatMap((event) => {
      const move = ticketTransition(status!, event);
      return move.ok ? [move.next] : [];
    });
    for (const next of nexts) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}

/**
 * No ticket lost across the kill: every ticket in the database just before the kill is there
 * after the restart, in a state it could have reached; none is left `offered` by the old process.
 */
export function checkSurvivedKill(
  before: TicketRow[],
  after: TicketRow[],
  acknowledged: Iterable<string>,
  createdBeforeKill: Set<string>,
): Violation[] {
  const violations: Violation[] = [];
  const now = new Map(after.map((t) => [t.id, t]));
  for (const old of before) {
    const found = now.get(old.id);
    if (!found) {
      violations.push({
        property: 'no ticket lost across kill -9',
        message: `ticket ${old.id} (${old.status} before the kill) is gone after the restart`,
        ids: [old.id],
      });
    } else if (!reachable(old.status).has(found.status)) {
      violations.push({
        property: 'no ticket lost across kill -9',
        message: `ticket ${old.id} went from ${old.status} before the kill to ${found.status}`,
        ids: [old.id],
      });
    }
  }
  for (const id of acknowledged) {
    if (createdBeforeKill.has(id) && !now.has(id)) {
      violations.push({
        property: 'no ticket lost across kill -9',
        message: `ticket ${id}, acknowledged to its kiosk before the kill, is missing after it`,
        ids: [id],
      });
    }
  }
  return violations;
}
