import { positions, route, type FreeAgent, type QueuedTicket } from '../core/routing.js';
import { listAgents } from '../store/repositories/agents.js';
import { findService } from '../store/repositories/offices.js';
import { findTicket, listTickets, moveTicket } from '../store/repositories/tickets.js';
import { audit } from '../store/repositories/audit.js';
import { Language } from '@loket/shared';
import type { ServiceContext } from './context.js';
import { moveAgentBy } from './offers.js';
import { inTransaction } from './transaction.js';
import { offerView, ticketView } from './views.js';
import type { TicketRow } from '../store/schema.js';

const queued = (row: TicketRow): QueuedTicket => ({
  id: row.id,
  serviceId: row.service_id,
  language: row.language,
  queuedAt: row.queued_at,
});

const languagesOf = (csv: string) =>
  csv.split(',').flatMap((code) => {
    const parsed = Language.safeParse(code.trim());
    return parsed.success ? [parsed.data] : [];
  });

/**
 * Matches an office's waiting tickets to its free agents in one transaction, then tells every
 * waiting kiosk whose position moved. Positions already told are remembered so an unchanged
 * kiosk hears nothing.
 */
export class Dispatcher {
  readonly #told = new Map<string, number>();

  constructor(private readonly ctx: ServiceContext) {}

  async dispatch(officeId: string): Promise<void> {
    const { ctx } = this;
    await inTransaction(ctx, async (trx, outbox) => {
      const waiting = await listTickets(trx, officeId, ['waiting']);
      const free: FreeAgent[] = (await listAgents(trx, officeId, 'available')).map((agent) => ({
        id: agent.user_id,
        languages: languagesOf(agent.languages),
        idleSince: agent.idle_since,
      }));
      const now = ctx.clock();
      for (const match of route(waiting.map(queued), free)) {
        const ticket = await findTicket(trx, match.ticketId);
        const service = ticket && (await findService(trx, officeId, ticket.service_id));
        if (!ticket || !service) continue;
        const change = {
          status: 'offered' as const,
          updated_at: now,
          offered_agent_id: match.agentId,
          offer_expires_at: now + ctx.settings.offerTimeoutMs,
        };
        if (!(await moveTicket(trx, ticket.id, 'waiting', change))) continue;
        await moveAgentBy(trx, outbox, match.agentId, 'offer', now);
        await audit(trx, {
          id: ctx.ids(),
          at: now,
          office_id: officeId,
          actor_type: 'system',
          actor_id: null,
          action: 'offer.made',
          subject_id: ticket.id,
          details: { agentId: match.agentId },
        });
        const offered = { ...ticket, ...change };
        this.#told.delete(ticket.id);
        outbox.add((n) => {
          n.offerMade(match.agentId, offerView(offered, service));
          n.ticketUpdated(ticket.kiosk_id, ticketView(offered, null));
        });
      }
      const still = await listTickets(trx, officeId, ['waiting']);
      const byId = new Map(still.map((row) => [row.id, row]));
      for (const [ticketId, position] of positions(still.map(queued))) {
        const row = byId.get(ticketId);
        if (!row || this.#told.get(ticketId) === position) continue;
        this.#told.set(ticketId, position);
        outbox.add((n) => n.ticketUpdated(row.kiosk_id, ticketView(row, position)));
      }
      for (const ticketId of this.#told.keys()) {
        if (!byId.has(ticketId)) this.#told.delete(ticketId);
      }
    });
  }
}
