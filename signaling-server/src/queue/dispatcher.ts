import { queueOrder, route, type Match, type QueuedTicket } from '../core/routing.js';
import { auditAll } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import type { Outbox } from '../context/outbox.js';
import { inTransaction } from '../context/transaction.js';
import { ticketView } from '../read-models/views.js';
import type { Db } from '../store/database.js';
import { findServiceEver, tryLockOfficeQueue } from '../store/repositories/offices.js';
import { findTickets, listWaitingHeads, offerTickets } from '../store/repositories/tickets.js';
import type { ServiceRow, TicketRow } from '../store/schema.js';
import { moveAgentsBy } from './agent-moves.js';
import {
  loadOfficeStaff,
  queuedTicket,
  tellLine,
  type OfficeStaff,
  type ToldFacts,
} from './office-queue.js';
import { PLACES_EVERY_MS, placesSpacingMs } from './places-pacing.js';
import { makeOffer } from './prepared-peers.js';
import { prepareOfferRoom } from './prepared-room.js';

/**
 * Pause before matching again after losing a race or finding another instance matching the
 * office, so a lasting conflict cannot spin.
 */
const RETRY_MS = 50;

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

/** A match whose ticket and service are known: an offer to be made. */
interface Offer {
  ticket: TicketRow;
  service: ServiceRow;
  agentId: string;
}

async function offersOf(
  db: Db,
  staff: OfficeStaff,
  matches: readonly Match[],
  byId: ReadonlyMap<string, TicketRow>,
): Promise<Offer[]> {
  const offers: Offer[] = [];
  for (const { ticketId, agentId } of matches) {
    const ticket = byId.get(ticketId);
    // A retired service takes no new tickets, yet the ones it already had are served.
    const service =
      ticket &&
      (staff.services.get(ticket.service_id) ?? (await findServiceEver(db, ticket.service_id)));
    if (ticket && service) offers.push({ ticket, service, agentId });
  }
  return offers;
}

/**
 * Makes one matching's offers. The tickets' moves, the agents' and the audit entries are one
 * statement each, however many offers there are: a matching holds the office's line, so its
 * round trips are what bounds how many visitors an office serves. A ticket a concurrent change
 * took meanwhile is left out. Answers the tickets offered.
 */
async function makeOffers(
  ctx: ServiceContext,
  trx: Db,
  outbox: Outbox,
  officeId: string,
  offers: readonly Offer[],
): Promise<string[]> {
  const now = ctx.clock();
  const expiresAt = now + ctx.settings.offerTimeoutMs;
  const offered = await offerTickets(
    trx,
    offers.map(({ ticket, agentId }) => ({ ticketId: ticket.id, agentId })),
    now,
    expiresAt,
  );
  const made = offers.filter(({ ticket }) => offered.has(ticket.id));
  const agentIds = made.map(({ agentId }) => agentId);
  await moveAgentsBy(trx, outbox, agentIds, 'available', 'offer', now);
  await auditAll(
    ctx,
    trx,
    made.map(({ ticket, agentId }) => ({
      officeId,
      by: 'system' as const,
      action: 'offer.made',
      subjectId: ticket.id,
      details: { agentId, priority: ticket.priority },
    })),
  );
  for (const { ticket, service, agentId } of made) {
    const row: TicketRow = {
      ...ticket,
      status: 'offered',
      updated_at: now,
      offered_agent_id: agentId,
      offer_expires_at: expiresAt,
    };
    outbox.lineChanged(row);
    outbox.queueChanged(officeId);
    outbox.add((n) => {
      void makeOffer(ctx, n, row, service, agentId);
      n.ticketUpdated(ticket.kiosk_id, ticketView(row, null));
      void prepareOfferRoom(ctx, n, row, agentId);
    });
  }
  return made.map(({ ticket }) => ticket.id);
}

interface PlacesState {
  last: number;
  /** How long after `last` the next telling may begin, from how many the last one told. */
  spacingMs: number;
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

  /**
   * Per office: the matching asked for that has not begun. Whoever asks meanwhile is answered by
   * it, since it will read everything changed until it begins: a burst of requests while one
   * matching runs makes one more, not one each.
   */
  readonly #queued = new Map<string, Promise<void>>();

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
    const queued = this.#queued.get(officeId);
    if (queued) return queued;
    const previous = this.#running.get(officeId) ?? Promise.resolve();
    // A failed matching's error is its caller's; the next one runs all the same.
    const next = previous
      .then(undefined, () => undefined)
      .then(() => {
        this.#queued.delete(officeId);
        return this.#dispatchOnce(officeId);
      })
      .catch((error: unknown) => {
        if (!(error instanceof LoketError)) throw error;
        this.ctx.log.debug({ err: error, officeId }, 'dispatch lost a race; matching again');
        this.#retry(officeId);
      });
    this.#running.set(officeId, next);
    this.#queued.set(officeId, next);
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
        const offers = await offersOf(trx, staff, matches, byId);
        const offered = await makeOffers(ctx, trx, outbox, officeId, offers);
        // Run in the same turn as the offers are told: a telling of places that read these
        // tickets as waiting must not tell their kiosks so after they heard of their offer.
        outbox.add(() => {
          for (const skipped of this.#tellingsUnderway) for (const id of offered) skipped.add(id);
        });
        return true;
      },
      options,
    );
    if (!matched) return this.#retry(officeId);
    // Estimates are worked out after the commit, once the offers are on their way, and beside
    // the next matching rather than before it.
    this.#placesChanged(officeId);
  }

  /**
   * Tells the office's waiting kiosks their places now, or, if the last telling began less than
   * its spacing ago (`placesSpacingMs`), once that time is up (one telling for every change
   * meanwhile). Under a burst of tickets the line is read a few times a second, not once per
   * ticket.
   */
  #placesChanged(officeId: string): void {
    let state = this.#places.get(officeId);
    if (!state) {
      state = {
        last: -Infinity,
        spacingMs: PLACES_EVERY_MS,
        timer: undefined,
        running: Promise.resolve(),
      };
      this.#places.set(officeId, state);
    }
    if (state.timer) return;
    const wait = state.last + state.spacingMs - performance.now();
    if (wait <= 0) return this.#tellNow(officeId, state);
    const held = state;
    held.timer = setTimeout(() => {
      held.timer = undefined;
      this.#tellNow(officeId, held);
    }, wait);
    held.timer.unref();
  }

  /** Starts a telling after any underway; `settle` waits for it through `state.running`. */
  #tellNow(officeId: string, state: PlacesState): void {
    state.last = performance.now();
    state.running = state.running
      .then(() => this.#tellPlaces(officeId))
      .then((told) => {
        state.spacingMs = placesSpacingMs(told);
      })
      .catch((err: unknown) => this.ctx.log.error({ err, officeId }, 'telling places failed'));
  }

  /**
   * Per telling of places underway: the tickets matching offered since it began to read, whose
   * kiosks it does not tell, since they may have heard of their offer already.
   */
  readonly #tellingsUnderway = new Set<Set<string>>();

  /** Tells the office's waiting kiosks their places; how many were told. */
  async #tellPlaces(officeId: string): Promise<number> {
    const offered = new Set<string>();
    this.#tellingsUnderway.add(offered);
    try {
      return await this.#tellPlacesSkipping(officeId, offered);
    } finally {
      this.#tellingsUnderway.delete(offered);
    }
  }

  /**
   * Tells each waiting kiosk of an office its new place, if it moved since it was last told,
   * unless its ticket is among `offered`; how many were told.
   */
  async #tellPlacesSkipping(officeId: string, offered: ReadonlySet<string>): Promise<number> {
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
    let toldNow = 0;
    for (const row of rows) {
      const facts = told.get(row.id);
      if (row.status === 'waiting' && facts && !offered.has(row.id)) {
        notifier.ticketUpdated(row.kiosk_id, ticketView(row, facts));
        toldNow += 1;
      }
    }
    return toldNow;
  }
}
