import { route } from '../core/routing.js';
import { audit } from '../store/repositories/audit.js';
import { findService } from '../store/repositories/offices.js';
import { moveTicket } from '../store/repositories/tickets.js';
import type { ServiceContext } from './context.js';
import { moveAgentBy } from './offers.js';
import { loadOfficeQueue, queuedTicket, queueFacts, type QueueFacts } from './office-queue.js';
import { inTransaction } from './transaction.js';
import { offerView, ticketView } from './views.js';

const sameFacts = (a: QueueFacts | undefined, b: QueueFacts) =>
  a !== undefined &&
  a.position === b.position &&
  a.wait?.minMs === b.wait?.minMs &&
  a.wait?.maxMs === b.wait?.maxMs;

/**
 * Matches an office's waiting tickets to its free agents in one transaction, then tells every
 * waiting kiosk whose position or estimated wait moved. What each kiosk was last told is
 * remembered, so a kiosk whose place did not change hears nothing.
 */
export class Dispatcher {
  readonly #told = new Map<string, QueueFacts>();

  constructor(private readonly ctx: ServiceContext) {}

  async dispatch(officeId: string): Promise<void> {
    const { ctx } = this;
    await inTransaction(ctx, async (trx, outbox) => {
      const queue = await loadOfficeQueue(trx, officeId);
      const free = queue.agents.filter((a) => a.status === 'available').map((a) => a.skills);
      const byId = new Map(queue.waiting.map((row) => [row.id, row]));
      const now = ctx.clock();
      const offered = new Set<string>();
      for (const match of route(queue.waiting.map(queuedTicket), free)) {
        const ticket = byId.get(match.ticketId);
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
          details: { agentId: match.agentId, priority: ticket.priority },
        });
        offered.add(ticket.id);
        this.#told.delete(ticket.id);
        const row = { ...ticket, ...change };
        outbox.add((n) => {
          n.offerMade(match.agentId, offerView(row, service));
          n.ticketUpdated(ticket.kiosk_id, ticketView(row, null));
        });
      }
      const still = { ...queue, waiting: queue.waiting.filter((row) => !offered.has(row.id)) };
      for (const [ticketId, facts] of queueFacts(still)) {
        const row = byId.get(ticketId);
        if (!row || sameFacts(this.#told.get(ticketId), facts)) continue;
        this.#told.set(ticketId, facts);
        outbox.add((n) => n.ticketUpdated(row.kiosk_id, ticketView(row, facts)));
      }
      for (const ticketId of this.#told.keys()) {
        if (!still.waiting.some((row) => row.id === ticketId)) this.#told.delete(ticketId);
      }
    });
  }
}
