import { route } from '../core/routing.js';
import { audit } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import type { Notifier } from '../context/outbox.js';
import { inTransaction } from '../context/transaction.js';
import { offerView, ticketView, type QueueFacts } from '../read-models/views.js';
import { findServiceEver, lockOfficeQueue } from '../store/repositories/offices.js';
import { listTickets, moveTicket } from '../store/repositories/tickets.js';
import { moveAgentBy } from './agent-moves.js';
import { loadOfficeQueue, queuedTicket, queueFacts, type OfficeQueue } from './office-queue.js';
import { prepareOfferRoom } from './prepared-room.js';

/** Pause before matching again after losing a race, so a lasting conflict cannot spin. */
const RETRY_MS = 50;

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
  /** Per office: what each waiting ticket's kiosk was last told. */
  readonly #told = new Map<string, Map<string, QueueFacts>>();

  constructor(private readonly ctx: ServiceContext) {}

  readonly #running = new Map<string, Promise<void>>();

  /**
   * Matches one office. Dispatches of an office run one after another in this process, and on
   * PostgreSQL an advisory lock keeps other instances out too; a match that lost a race with
   * another change is retried once the winner is done.
   */
  dispatch(officeId: string): Promise<void> {
    const previous = this.#running.get(officeId) ?? Promise.resolve();
    const next = previous
      .then(() => this.#dispatchOnce(officeId))
      .catch((error: unknown) => {
        if (!(error instanceof LoketError)) throw error;
        this.ctx.log.debug({ err: error, officeId }, 'dispatch lost a race; matching again');
        setTimeout(() => this.ctx.requestDispatch(officeId), RETRY_MS).unref();
      });
    this.#running.set(officeId, next);
    const forget = () => {
      if (this.#running.get(officeId) === next) this.#running.delete(officeId);
    };
    // The caller handles a failure; this branch only tidies up and must not reject again.
    next.then(forget, forget);
    return next;
  }

  /** Waits for every dispatch in progress, for a clean shutdown. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.#running.values()]);
  }

  async #dispatchOnce(officeId: string): Promise<void> {
    const { ctx } = this;
    // What matching leaves unmatched cannot be matched until something else changes: the queue
    // changes it makes are told, but do not ask for matching again.
    const options = { rematch: false };
    await inTransaction(
      ctx,
      async (trx, outbox) => {
        await lockOfficeQueue(trx, officeId);
        const waiting = await listTickets(trx, officeId, ['waiting']);
        // Nothing waits (the usual case after a cancel or a call): no agent needs reading.
        if (waiting.length === 0) {
          outbox.add(() => this.#told.delete(officeId));
          return;
        }
        const queue = await loadOfficeQueue(trx, ctx.skills, officeId, waiting);
        const free = queue.agents.filter((a) => a.status === 'available').map((a) => a.skills);
        const byId = new Map(queue.waiting.map((row) => [row.id, row]));
        const now = ctx.clock();
        const offered = new Set<string>();
        for (const match of route(
          queue.waiting.map((row) => queuedTicket(row, queue.services)),
          free,
        )) {
          const ticket = byId.get(match.ticketId);
          // A retired service takes no new tickets, yet the ones it already had are served.
          const service =
            ticket &&
            (queue.services.get(ticket.service_id) ??
              (await findServiceEver(trx, ticket.service_id)));
          if (!ticket || !service) continue;
          const change = {
            status: 'offered' as const,
            updated_at: now,
            offered_agent_id: match.agentId,
            offer_expires_at: now + ctx.settings.offerTimeoutMs,
          };
          if (!(await moveTicket(trx, ticket.id, 'waiting', change))) continue;
          outbox.queueChanged(officeId);
          await moveAgentBy(trx, outbox, match.agentId, 'offer', now);
          await audit(ctx, trx, {
            officeId,
            by: 'system',
            action: 'offer.made',
            subjectId: ticket.id,
            details: { agentId: match.agentId, priority: ticket.priority },
          });
          offered.add(ticket.id);
          const row = { ...ticket, ...change };
          outbox.add((n) => {
            n.offerMade(match.agentId, offerView(row, service, ctx.media.ringing(match.agentId)));
            n.ticketUpdated(ticket.kiosk_id, ticketView(row, null));
            void prepareOfferRoom(ctx, n, row, match.agentId);
          });
        }
        const still = { ...queue, waiting: queue.waiting.filter((row) => !offered.has(row.id)) };
        // Estimates are worked out after the commit, once the offers are on their way.
        outbox.add((n) => this.#tellPlaces(n, officeId, still));
      },
      options,
    );
  }

  /** Tells each waiting kiosk of an office its new place, if it moved since it was last told. */
  #tellPlaces(notifier: Notifier, officeId: string, queue: OfficeQueue): void {
    const before = this.#told.get(officeId);
    const told = new Map<string, QueueFacts>();
    const byId = new Map(queue.waiting.map((row) => [row.id, row]));
    for (const [ticketId, facts] of queueFacts(queue)) {
      const row = byId.get(ticketId);
      if (!row) continue;
      told.set(ticketId, facts);
      if (!sameFacts(before?.get(ticketId), facts)) {
        notifier.ticketUpdated(row.kiosk_id, ticketView(row, facts));
      }
    }
    if (told.size > 0) this.#told.set(officeId, told);
    else this.#told.delete(officeId);
  }
}
