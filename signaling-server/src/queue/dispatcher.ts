import { queueOrder, route, type Match, type QueuedTicket } from '../core/routing.js';
import { audit } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { inTransaction } from '../context/transaction.js';
import { ticketView } from '../read-models/views.js';
import type { Db } from '../store/database.js';
import { findServiceEver, tryLockOfficeQueue } from '../store/repositories/offices.js';
import { findTickets, listWaitingHeads, moveTicket } from '../store/repositories/tickets.js';
import type { TicketRow } from '../store/schema.js';
import { moveAgentBy } from './agent-moves.js';
import {
  loadOfficeStaff,
  queuedTicket,
  tellLine,
  type OfficeStaff,
  type ToldFacts,
} from './office-queue.js';
import { makeOffer } from './prepared-peers.js';
import { prepareOfferRoom } from './prepared-room.js';

/**
 * Pause before matching again after losing a race or finding another instance matching the
 * office, so a lasting conflict cannot spin.
 */
const RETRY_MS = 50;

/**
 * Waiting kiosks are told their places at most this often per office: under a burst of tickets
 * the whole queue is read a few times a second, not once per ticket.
 */
const PLACES_EVERY_MS = 250;

/** Tickets of each priority class read at first when matching; more only if agents stay free. */
const HEAD_ROWS = 32;

const CLASSES: TicketRow['priority'][] = ['transfer', 'priority', 'normal'];

/**
 * Matches free agents to the head of an office's queue. Each priority class is read in queue
 * order up to a limit; tickets are certain to be in serving order only up to the last one read of
 * a class cut off by its limit, so matching stops there and reads further only if an agent is
 * still free. Matching is greedy in serving order, so it pairs exactly as over the whole queue.
 */
async function matchHead(
  db: Db,
  officeId: string,
  staff: OfficeStaff,
): Promise<{ matches: Match[]; byId: Map<string, TicketRow> }> {
  const free = staff.agents.filter((a) => a.status === 'available').map((a) => a.skills);
  if (free.length === 0) return { matches: [], byId: new Map() };
  for (let limit = HEAD_ROWS; ; limit *= 4) {
    const heads = await listWaitingHeads(db, officeId, CLASSES, limit);
    const byId = new Map(heads.flat().map((row) => [row.id, row]));
    const ordered = queueOrder([...byId.values()].map((row) => queuedTicket(row, staff.services)));
    const cut = heads.filter((head) => head.length === limit).map((head) => head.at(-1)!.id);
    const end = Math.min(
      ordered.length,
      ...cut.map((id) => ordered.findIndex((t: QueuedTicket) => t.id === id) + 1),
    );
    const matches = route(ordered.slice(0, end), free);
    if (cut.length === 0 || matches.length === free.length) return { matches, byId };
  }
}
interface PlacesState {
  last: number;
  timer: NodeJS.Timeout | undefined;
  running: Promise<void>;
}

/**
 * Matches an office's waiting tickets to its free agents in one transaction, then tells every
 * waiting kiosk whose position or estimated wait moved. What each kiosk was last told is
 * remembered, so a kiosk whose place did not change hears nothing.
 */
export class Dispatcher {
  /** Per office: what each waiting ticket's kiosk was last told. */
  readonly #told = new Map<string, Map<string, ToldFacts>>();

  /** How many tellings of places this dispatcher has made, to tell each apart. */
  #tellings = 0;

  constructor(private readonly ctx: ServiceContext) {}

  readonly #running = new Map<string, Promise<void>>();

  /** Per office: when its kiosks were last told their places, and a telling waiting its turn. */
  readonly #places = new Map<string, PlacesState>();

  /**
   * Matches one office. Dispatches of an office run one after another in this process, and on
   * PostgreSQL an advisory lock keeps other instances out too; a match that lost a race with
   * another change is retried once the winner is done.
   *
   * An instance that finds another matching the office does not wait for it, holding a
   * connection and a transaction open meanwhile: the other may have read the queue before this
   * instance's change, so it matches again shortly, with whatever else changed by then.
   */
  dispatch(officeId: string): Promise<void> {
    const previous = this.#running.get(officeId) ?? Promise.resolve();
    const next = previous
      .then(() => this.#dispatchOnce(officeId))
      .catch((error: unknown) => {
        if (!(error instanceof LoketError)) throw error;
        this.ctx.log.debug({ err: error, officeId }, 'dispatch lost a race; matching again');
        this.#retry(officeId);
      });
    this.#running.set(officeId, next);
    const forget = () => {
      if (this.#running.get(officeId) === next) this.#running.delete(officeId);
    };
    // The caller handles a failure; this branch only tidies up and must not reject again.
    next.then(forget, forget);
    return next;
  }

  /** Offices to be matched again after `RETRY_MS`: one retry each, however many asked. */
  readonly #retries = new Set<string>();

  #retry(officeId: string): void {
    if (this.#retries.has(officeId)) return;
    this.#retries.add(officeId);
    setTimeout(() => {
      this.#retries.delete(officeId);
      this.ctx.requestDispatch(officeId);
    }, RETRY_MS).unref();
  }

  /** Waits for every dispatch in progress, for a clean shutdown. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.#running.values()]);
    for (const state of this.#places.values()) clearTimeout(state.timer);
    await Promise.allSettled([...this.#places.values()].map((state) => state.running));
  }

  async #dispatchOnce(officeId: string): Promise<void> {
    const { ctx } = this;
    // What matching leaves unmatched cannot be matched until something else changes: the queue
    // changes it makes are told, but do not ask for matching again.
    const options = { rematch: false };
    const matched = await inTransaction(
      ctx,
      async (trx, outbox) => {
        if (!(await tryLockOfficeQueue(trx, officeId))) return false;
        const staff = await loadOfficeStaff(trx, ctx.skills, officeId);
        const { matches, byId } = await matchHead(trx, officeId, staff);
        const now = ctx.clock();
        for (const match of matches) {
          const ticket = byId.get(match.ticketId);
          // A retired service takes no new tickets, yet the ones it already had are served.
          const service =
            ticket &&
            (staff.services.get(ticket.service_id) ??
              (await findServiceEver(trx, ticket.service_id)));
          if (!ticket || !service) continue;
          const change = {
            status: 'offered' as const,
            updated_at: now,
            offered_agent_id: match.agentId,
            offer_expires_at: now + ctx.settings.offerTimeoutMs,
          };
          if (!(await moveTicket(trx, ticket.id, 'waiting', change))) continue;
          const row = { ...ticket, ...change };
          outbox.lineChanged(row);
          outbox.queueChanged(officeId);
          await moveAgentBy(trx, outbox, match.agentId, 'offer', now);
          await audit(ctx, trx, {
            officeId,
            by: 'system',
            action: 'offer.made',
            subjectId: ticket.id,
            details: { agentId: match.agentId, priority: ticket.priority },
          });
          outbox.add((n) => {
            void makeOffer(ctx, n, row, service, match.agentId);
            n.ticketUpdated(ticket.kiosk_id, ticketView(row, null));
            void prepareOfferRoom(ctx, n, row, match.agentId);
          });
        }
        return true;
      },
      options,
    );
    if (!matched) return this.#retry(officeId);
    // Estimates are worked out after the commit, once the offers are on their way.
    await this.#placesChanged(officeId);
  }

  /**
   * Tells the office's waiting kiosks their places now, or, if they were told less than
   * `PLACES_EVERY_MS` ago, once that time is up (one telling for every change meanwhile).
   */
  #placesChanged(officeId: string): Promise<void> {
    let state = this.#places.get(officeId);
    if (!state) {
      state = { last: -Infinity, timer: undefined, running: Promise.resolve() };
      this.#places.set(officeId, state);
    }
    if (state.timer) return Promise.resolve();
    const wait = state.last + PLACES_EVERY_MS - performance.now();
    if (wait <= 0) return this.#tellNow(officeId, state);
    const held = state;
    // The later telling goes through a matching, so it takes its turn after any in progress and
    // never tells a kiosk a place older than an offer it has already heard of.
    held.timer = setTimeout(() => {
      held.timer = undefined;
      this.ctx.requestDispatch(officeId);
    }, wait);
    held.timer.unref();
    return Promise.resolve();
  }

  #tellNow(officeId: string, state: PlacesState): Promise<void> {
    state.last = performance.now();
    state.running = state.running
      .then(() => this.#tellPlaces(officeId))
      .catch((err: unknown) => this.ctx.log.error({ err, officeId }, 'telling places failed'));
    return state.running;
  }

  /** Tells each waiting kiosk of an office its new place, if it moved since it was last told. */
  async #tellPlaces(officeId: string): Promise<void> {
    const { db, line, skills, notifier } = this.ctx;
    const staff = await loadOfficeStaff(db, skills, officeId);
    const places = await line.places(db, officeId);
    let told = this.#told.get(officeId);
    if (!told) this.#told.set(officeId, (told = new Map()));
    // Worked out before anything else is awaited: `places` is the line as it is held.
    const moved = tellLine(places, staff, told, (this.#tellings += 1));
    if (told.size === 0) this.#told.delete(officeId);
    // Only the tickets whose place or wait moved are read, to be told: a new ticket at the end of
    // a long line moves nobody's.
    const rows = await findTickets(db, moved);
    for (const row of rows) {
      const facts = told.get(row.id);
      if (row.status === 'waiting' && facts) {
        notifier.ticketUpdated(row.kiosk_id, ticketView(row, facts));
      }
    }
  }
}
