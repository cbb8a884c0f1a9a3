import type { TicketStatus } from '@loket/shared';
import { sql } from 'kysely';
import { isPostgres, type Db } from '../database.js';
import { groupedReads, paddedToPowerOfTwo } from '../grouped-reads.js';
import { prepared } from '../prepared.js';
import type { TicketRow } from '../schema.js';
import { LINE_TICKET_COLUMNS, type LineTicket } from './waiting-line.js';
import { writtenLimit } from '../written-limit.js';

/** Tickets a kiosk can still act on. */
export const ACTIVE_TICKET_STATUSES: TicketStatus[] = ['waiting', 'offered', 'in_call'];

const insertTicketQuery = prepared((db: Db, ticket: TicketRow) =>
  db.insertInto('tickets').values(ticket),
);

/** Stores a new ticket. */
export async function insertTicket(db: Db, ticket: TicketRow): Promise<void> {
  await insertTicketQuery(db, ticket);
}

const findTicketQuery = prepared((db: Db, id: string) =>
  db.selectFrom('tickets').selectAll().where('id', '=', id),
);

/** One ticket, if known. */
export async function findTicket(db: Db, id: string): Promise<TicketRow | undefined> {
  return (await findTicketQuery(db, id)).rows[0];
}

/** How many ids one `in` list of `findTickets` binds, below every store's parameter limit. */
const IDS_PER_READ = 500;

/** The tickets of these ids that exist, in no particular order. */
export async function findTickets(db: Db, ids: readonly string[]): Promise<TicketRow[]> {
  const rows: TicketRow[] = [];
  for (let start = 0; start < ids.length; start += IDS_PER_READ) {
    const some = ids.slice(start, start + IDS_PER_READ);
    rows.push(...(await db.selectFrom('tickets').selectAll().where('id', 'in', some).execute()));
  }
  return rows;
}

/** The ticket whose phone link carries this secret, while it is active. */
export function findActiveTicketByVisitToken(
  db: Db,
  token: string,
): Promise<TicketRow | undefined> {
  return db
    .selectFrom('tickets')
    .selectAll()
    .where('visit_token', '=', token)
    .where('status', 'in', ACTIVE_TICKET_STATUSES)
    .executeTakeFirst();
}

const findTicketByClientIdQuery = prepared((db: Db, kioskId: string, clientId: string) =>
  db
    .selectFrom('tickets')
    .selectAll()
    .where('kiosk_id', '=', kioskId)
    .where('client_id', '=', clientId),
);

/** The ticket a kiosk made with this client id, if any: a retried request finds it. */
export async function findTicketByClientId(
  db: Db,
  kioskId: string,
  clientId: string,
): Promise<TicketRow | undefined> {
  return (await findTicketByClientIdQuery(db, kioskId, clientId)).rows[0];
}

/** The query that finds a kiosk's active ticket (its plan is pinned by a test). */
export const activeTicketOf = (db: Db, kioskId: string) =>
  db
    .selectFrom('tickets')
    .selectAll()
    .where('kiosk_id', '=', kioskId)
    // Written out, not bound: only a condition they can read proves to SQLite and PostgreSQL
    // that the partial index of active tickets (migration 0022) holds every row asked for.
    .where(sql<boolean>`status in ('waiting', 'offered', 'in_call')`)
    .orderBy('created_at', 'desc')
    .limit(writtenLimit(1));

const findActiveTicketQuery = prepared(activeTicketOf);

/** The ticket a kiosk is still serving, if any. */
export async function findActiveTicketForKiosk(
  db: Db,
  kioskId: string,
): Promise<TicketRow | undefined> {
  return (await findActiveTicketQuery(db, kioskId)).rows[0];
}

/**
 * The ticket a kiosk is still serving, locked until the transaction ends, so no change to it can
 * commit between this read and what is done with it. SQLite runs one writer at a time, so there
 * the read alone does; PostgreSQL takes a row lock (and re-checks the row once a change commits).
 */
export async function lockActiveTicketForKiosk(
  db: Db,
  kioskId: string,
): Promise<TicketRow | undefined> {
  if (!isPostgres(db)) return findActiveTicketForKiosk(db, kioskId);
  return (await lockActiveTicketQuery(db, kioskId)).rows[0];
}

// Every ticket holder's bootstrap runs it: after a restart, a whole office at once.
const lockActiveTicketQuery = prepared((db: Db, kioskId: string) =>
  activeTicketOf(db, kioskId).forUpdate(),
);

/** A kiosk's active ticket beside the version of its office's waiting line, read in one statement. */
export interface TicketWithLine {
  ticket: TicketRow;
  /** 0 for a line never changed since the table came, as `readLineVersion` answers it. */
  lineVersion: number;
  /**
   * False when the statement waited for a change to the ticket to commit (PostgreSQL): the row
   * is then the changed one, while the version is the one from before the change.
   */
  sameMoment: boolean;
}

// The kiosks asked for are joined as a table of values, so each kiosk's active ticket is looked
// up by the kiosk: asked for a list of kiosks, SQLite chose the index of statuses and read every
// waiting ticket for each group. PostgreSQL reads a statement in the snapshot it began with,
// except for a row it locks: one a change committed since is answered as changed. Only the row
// the snapshot sees is found again by its ctid, a changed row's version having a new one. The
// rows are locked in the order of their ids (see `context/transaction.ts`).
export const ticketsWithLineOf = (db: Db, kioskIds: readonly string[]) => {
  const asked = sql<{ column1: string }>`(values ${sql.join(kioskIds.map((id) => sql`(${id})`))})`;
  const read = db
    .selectFrom(asked.as('asked'))
    .innerJoin('tickets', 'tickets.kiosk_id', 'asked.column1')
    .selectAll('tickets')
    // Written out, as in `activeTicketOf`, for the partial index of active tickets.
    .where(sql<boolean>`status in ('waiting', 'offered', 'in_call')`)
    .select((eb) => [
      eb
        .selectFrom('waiting_line_versions')
        .select('waiting_line_versions.version')
        .whereRef('waiting_line_versions.office_id', '=', 'tickets.office_id')
        .as('line_version'),
      (isPostgres(db)
        ? sql<number>`case when exists (select 1 from tickets as seen where seen.ctid = tickets.ctid) then 1 else 0 end`
        : sql<number>`1`
      ).as('same_moment'),
    ])
    .orderBy('tickets.id');
  return isPostgres(db) ? read.forUpdate(['tickets']) : read;
};

const ticketsWithLineQuery = prepared(ticketsWithLineOf);

const ticketsWithLine = groupedReads(async (db: Db, kioskIds: readonly string[]) => {
  const latest = new Map<string, TicketWithLine>();
  for (const row of (await ticketsWithLineQuery(db, paddedToPowerOfTwo(kioskIds))).rows) {
    const { line_version, same_moment, ...ticket } = row;
    const held = latest.get(ticket.kiosk_id);
    if (held && held.ticket.created_at >= ticket.created_at) continue;
    latest.set(ticket.kiosk_id, {
      ticket,
      lineVersion: line_version ?? 0,
      sameMoment: same_moment === 1,
    });
  }
  return kioskIds.map((id) => latest.get(id));
});

/**
 * The ticket a kiosk is still serving and its office's line version, in one statement and
 * without a transaction; the bootstraps asking together are answered by one. On PostgreSQL the
 * statement locks the ticket's row while it runs: a change to the ticket under way commits
 * before the statement answers, and one starting later after it.
 */
export function findTicketWithLine(db: Db, kioskId: string): Promise<TicketWithLine | undefined> {
  return ticketsWithLine(db, kioskId);
}

/**
 * Reads a ticket and, on PostgreSQL, locks its row until the transaction ends (SQLite runs one
 * writer at a time), so that rows are locked in the order `context/transaction.ts` gives.
 */
export function lockTicket(db: Db, id: string): Promise<TicketRow | undefined> {
  const query = db.selectFrom('tickets').selectAll().where('id', '=', id);
  return (isPostgres(db) ? query.forUpdate() : query).executeTakeFirst();
}

/** The ticket currently offered to an agent, if any. */
export function findOfferedTicket(db: Db, agentId: string): Promise<TicketRow | undefined> {
  return db
    .selectFrom('tickets')
    .selectAll()
    .where('offered_agent_id', '=', agentId)
    .where('status', '=', 'offered')
    .executeTakeFirst();
}

const listTicketsQuery = prepared((db: Db, officeId: string, statuses: TicketStatus[]) =>
  db
    .selectFrom('tickets')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('status', 'in', statuses)
    .orderBy('queued_at')
    .orderBy('id'),
);

/** Tickets of an office in the given states, in queue order. */
export async function listTickets(
  db: Db,
  officeId: string,
  statuses: TicketStatus[],
): Promise<TicketRow[]> {
  return (await listTicketsQuery(db, officeId, statuses)).rows;
}

/** Offers whose time ran out by `now`. */
export function listExpiredOffers(db: Db, now: number): Promise<TicketRow[]> {
  return db
    .selectFrom('tickets')
    .selectAll()
    .where('status', '=', 'offered')
    .where('offer_expires_at', '<=', now)
    .execute();
}

/** What a move may change of a ticket: its state and what goes with it. */
export type TicketChange = Pick<TicketRow, 'updated_at'> &
  Partial<
    Pick<
      TicketRow,
      | 'status'
      | 'offered_agent_id'
      | 'offer_expires_at'
      | 'priority'
      | 'assigned_agent_id'
      | 'service_id'
    >
  >;

const moveTicketQuery = prepared((db: Db, id: string, from: TicketStatus, change: TicketChange) =>
  db
    .updateTable('tickets')
    .set(change)
    .where('id', '=', id)
    .where('status', '=', from)
    .returning(LINE_TICKET_COLUMNS),
);

/**
 * Moves a ticket from `from` to a new state. Answers what its place is worked out from as the
 * row now holds it (a change committed meanwhile that left the status alone, such as a manager
 * giving the ticket priority, is in it), or nothing when it was no longer in `from`: a
 * concurrent change (another instance, a cancel racing an accept) wins.
 */
export async function moveTicket(
  db: Db,
  id: string,
  from: TicketStatus,
  change: TicketChange,
): Promise<LineTicket | undefined> {
  const { rows } = await moveTicketQuery(db, id, from, change);
  return rows[0];
}

/** A waiting ticket offered to an agent by matching. */
export interface TicketOffer {
  ticketId: string;
  agentId: string;
}

/**
 * Offers waiting tickets, each to its agent, in one statement, all ringing until `expiresAt`.
 * Answers the ids of the tickets offered: one no longer waiting (a concurrent change won) is left
 * as it is.
 */
export async function offerTickets(
  db: Db,
  offers: readonly TicketOffer[],
  at: number,
  expiresAt: number,
): Promise<Set<string>> {
  if (offers.length === 0) return new Set();
  const agentOf = sql<string>`case id ${sql.join(
    offers.map((offer) => sql`when ${offer.ticketId} then ${offer.agentId}`),
    sql` `,
  )} end`;
  const rows = await db
    .updateTable('tickets')
    .set({
      status: 'offered',
      updated_at: at,
      offer_expires_at: expiresAt,
      offered_agent_id: agentOf,
    })
    .where(
      'id',
      'in',
      offers.map((offer) => offer.ticketId),
    )
    .where('status', '=', 'waiting')
    .returning('id')
    .execute();
  return new Set(rows.map((row) => row.id));
}

const nextTicketCountQuery = prepared((db: Db, serviceId: string, day: string) =>
  db
    .insertInto('ticket_counters')
    .values({ service_id: serviceId, day, last: 1 })
    .onConflict((oc) =>
      oc
        .columns(['service_id', 'day'])
        .doUpdateSet((eb) => ({ last: eb('ticket_counters.last', '+', 1) })),
    )
    .returning('last'),
);

/** Takes the next daily count of a service, starting at 1 each day. */
export async function nextTicketCount(db: Db, serviceId: string, day: string): Promise<number> {
  const [row] = (await nextTicketCountQuery(db, serviceId, day)).rows;
  if (!row) throw new Error('the ticket counter returned nothing');
  return row.last;
}

/** Tickets of an office taken since `since`: their state and when they were taken. */
export function listTicketsCreatedSince(
  db: Db,
  officeId: string,
  since: number,
): Promise<Pick<TicketRow, 'id' | 'status' | 'created_at'>[]> {
  return db
    .selectFrom('tickets')
    .select(['id', 'status', 'created_at'])
    .where('office_id', '=', officeId)
    .where('created_at', '>=', since)
    .execute();
}

/** Puts every ringing offer back: its ticket waits again where it was in its queue. */
export async function returnEveryOffer(db: Db, now: number): Promise<void> {
  await db
    .updateTable('tickets')
    .set({ status: 'waiting', offered_agent_id: null, offer_expires_at: null, updated_at: now })
    .where('status', '=', 'offered')
    .execute();
}

/** Every kiosk that holds a ticket it can still act on, with its office. */
export function listKiosksHoldingTickets(
  db: Db,
): Promise<Pick<TicketRow, 'kiosk_id' | 'office_id'>[]> {
  return db
    .selectFrom('tickets')
    .select(['kiosk_id', 'office_id'])
    .distinct()
    .where('status', 'in', ACTIVE_TICKET_STATUSES)
    .execute();
}

/** The kiosks of an office that hold a ticket they can still act on: the kiosks in use. */
export async function listKiosksInUse(db: Db, officeId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('tickets')
    .select('kiosk_id')
    .distinct()
    .where('office_id', '=', officeId)
    .where('status', 'in', ACTIVE_TICKET_STATUSES)
    .execute();
  return rows.map((row) => row.kiosk_id);
}

/** The ticket whose summary link carries this secret, whatever its state. */
export function findTicketBySummaryToken(db: Db, token: string): Promise<TicketRow | undefined> {
  return db.selectFrom('tickets').selectAll().where('summary_token', '=', token).executeTakeFirst();
}

/**
 * Keeps the officer's note to the visitor. The ticket's `updated_at` stays: a finished ticket's
 * is when its visit ended, from which its summary's lifetime counts.
 */
export async function setVisitorNote(db: Db, ticketId: string, note: string): Promise<void> {
  await db.updateTable('tickets').set({ visitor_note: note }).where('id', '=', ticketId).execute();
}

/**
 * Finished visits of an office whose note to the visitor is still kept and whose visit ended
 * (`updated_at`, as the summary's lifetime counts) before `endedBefore`.
 */
export async function listKeptVisitorNotes(
  db: Db,
  officeId: string,
  endedBefore: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('tickets')
    .select('id')
    .where('office_id', '=', officeId)
    .where('visitor_note', 'is not', null)
    .where('status', 'not in', ACTIVE_TICKET_STATUSES)
    .where('updated_at', '<', endedBefore)
    .execute();
  return rows.map((row) => row.id);
}

/** Erases the officer's notes to the visitors of these tickets; returns how many. */
export async function eraseVisitorNotes(db: Db, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('tickets')
    .set({ visitor_note: null })
    .where('id', 'in', ids)
    .where('visitor_note', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Where a waiting ticket stands in serving order (see `core/routing.ts` `queueOrder`). */
export type QueueSpot = Pick<TicketRow, 'id' | 'office_id' | 'priority' | 'queued_at'>;

/** Waiting tickets ahead of one, counted per kind of ticket routing tells apart. */
export type AheadGroup = Pick<
  TicketRow,
  'service_id' | 'language' | 'needs' | 'assigned_agent_id'
> & {
  count: number;
};

/**
 * The waiting tickets of an office served before `spot`, counted per service, language, needs
 * and assignee: what its place and wait are worked out from. Transfers go first, then the
 * others by `queued_at`, a priority ticket's taken `agingMs` earlier; ties go by id. Each
 * priority class is one range of the waiting-order index (migration 0025), read without its rows.
 */
export async function countWaitingAhead(
  db: Db,
  spot: QueueSpot,
  agingMs: number,
): Promise<AheadGroup[]> {
  const { rows } = await waitingAheadPrepared(db, ...aheadArguments(spot, agingMs));
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}

/** The query `countWaitingAhead` runs (its plan is pinned by a test). */
export function waitingAheadQuery(db: Db, spot: QueueSpot, agingMs: number) {
  return waitingAhead(db, ...aheadArguments(spot, agingMs));
}

/**
 * What the count of tickets ahead of `spot` binds: the office, the ticket, where it stands among
 * normal tickets and among priority ones, and whether it is a transfer (which only transfers
 * are ahead of). Worked out here, so the query itself binds them unchanged and can be prepared.
 */
function aheadArguments(
  spot: QueueSpot,
  agingMs: number,
): [string, string, number, number, boolean] {
  if (spot.priority === 'transfer') {
    return [spot.office_id, spot.id, spot.queued_at, spot.queued_at, true];
  }
  const key = spot.priority === 'priority' ? spot.queued_at - agingMs : spot.queued_at;
  return [spot.office_id, spot.id, key, key + agingMs, false];
}

function waitingAhead(
  db: Db,
  officeId: string,
  id: string,
  at: number,
  priorityAt: number,
  transfer: boolean,
) {
  const before = (priority: TicketRow['priority'], until: number) =>
    db
      .selectFrom('tickets')
      .select(['service_id', 'language', 'needs', 'assigned_agent_id'])
      .where('office_id', '=', officeId)
      .where('status', '=', 'waiting')
      .where('priority', '=', priority)
      .where((eb) =>
        eb.or([
          eb('queued_at', '<', until),
          eb.and([eb('queued_at', '=', until), eb('id', '<', id)]),
        ]),
      );
  const transfers = db
    .selectFrom('tickets')
    .select(['service_id', 'language', 'needs', 'assigned_agent_id'])
    .where('office_id', '=', officeId)
    .where('status', '=', 'waiting')
    .where('priority', '=', 'transfer');
  const ahead = transfer
    ? before('transfer', at)
    : transfers.unionAll(before('priority', priorityAt)).unionAll(before('normal', at));
  return db
    .selectFrom(ahead.as('ahead'))
    .select(['service_id', 'language', 'needs', 'assigned_agent_id'])
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .groupBy(['service_id', 'language', 'needs', 'assigned_agent_id']);
}

// Every waiting visitor's place is counted on each change of the queue and on each bootstrap.
const waitingAheadPrepared = prepared(waitingAhead);

/**
 * The first `limit` waiting tickets of an office in each of `classes`, each in `queued_at` order:
 * the heads of the queue dispatch matches, read through the waiting-order index in one statement
 * (one round trip rather than one per class).
 */
export async function listWaitingHeads(
  db: Db,
  officeId: string,
  classes: readonly TicketRow['priority'][],
  limit: number,
): Promise<TicketRow[][]> {
  const head = (priority: TicketRow['priority']) =>
    db
      .selectFrom((eb) =>
        eb
          .selectFrom('tickets')
          .selectAll()
          .where('office_id', '=', officeId)
          .where('status', '=', 'waiting')
          .where('priority', '=', priority)
          .orderBy('queued_at')
          .orderBy('id')
          .limit(writtenLimit(limit))
          .as('head'),
      )
      .selectAll();
  const [first, ...rest] = classes.map(head);
  if (!first) return [];
  const rows = await rest.reduce((query, next) => query.unionAll(next), first).execute();
  // A union keeps no order: each class is put back in queue order.
  return classes.map((priority) =>
    rows
      .filter((row) => row.priority === priority)
      .sort((a, b) => a.queued_at - b.queued_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  );
}
