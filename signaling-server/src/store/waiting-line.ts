import type { Db } from './database.js';
import { countWaitingAhead, type AheadGroup, type QueueSpot } from './repositories/tickets.js';
import {
  bumpLineVersion,
  listLineChanges,
  listWaitingLine,
  readLineVersion,
  recordLineChange,
  type LineChange,
  type LineTicket,
} from './repositories/waiting-line.js';

/** Changes to waiting lines one transaction made: per office, each ticket as it now waits, or null once it left the line. */
export type LineChanges = ReadonlyMap<string, LineChange>;

/** A waiting ticket where its line holds it, in serving order: class, then key, then id. */
interface Place extends PlacedTicket {
  id: string;
  /** Transfers (0) go before everything else (1). */
  rank: 0 | 1;
  /** When it counts as queued: a priority ticket's `queued_at` less the ageing allowance. */
  key: number;
}

/** A waiting ticket with the group it is counted by. */
export interface PlacedTicket {
  /** What tickets are counted by: service, language, needs and assignee. */
  readonly group: string;
  readonly ticket: LineTicket;
}

interface Line {
  version: number;
  byId: Map<string, Place>;
  /** Serving order. */
  order: Place[];
  /** How many places of each group the whole line holds. */
  totals: Map<string, AheadGroup>;
  /** This instance's changes committed past the next version, by version, until it comes. */
  pending: Map<number, LineChange>;
}

/** How many changes may wait for one before them before the line is read again instead. */
const MAX_PENDING = 64;

function placeOf(ticket: LineTicket, agingMs: number): Place {
  return {
    id: ticket.id,
    rank: ticket.priority === 'transfer' ? 0 : 1,
    key: ticket.priority === 'priority' ? ticket.queued_at - agingMs : ticket.queued_at,
    group: [ticket.service_id, ticket.language, ticket.needs, ticket.assigned_agent_id ?? ''].join(
      '\u0000',
    ),
    ticket,
  };
}

function servedBefore(
  a: Pick<Place, 'rank' | 'key' | 'id'>,
  b: Pick<Place, 'rank' | 'key' | 'id'>,
) {
  if (a.rank !== b.rank) return a.rank < b.rank;
  if (a.key !== b.key) return a.key < b.key;
  return a.id < b.id;
}

/** How many places of the line are served before `spot`. */
function placesBefore(line: Line, spot: Pick<Place, 'rank' | 'key' | 'id'>): number {
  let low = 0;
  let high = line.order.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (servedBefore(line.order[middle]!, spot)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Adds `by` (1 or -1) places of `place`'s group to `groups`, dropping a group counted out. */
function tally(groups: Map<string, AheadGroup>, place: Place, by: number): void {
  const group = groups.get(place.group);
  if (!group) {
    const { service_id, language, needs, assigned_agent_id } = place.ticket;
    groups.set(place.group, { service_id, language, needs, assigned_agent_id, count: by });
  } else if (group.count + by === 0) groups.delete(place.group);
  else group.count += by;
}

function lineOf(version: number, tickets: readonly LineTicket[], agingMs: number): Line {
  const order = tickets.map((ticket) => placeOf(ticket, agingMs));
  order.sort((a, b) => (servedBefore(a, b) ? -1 : 1));
  const totals = new Map<string, AheadGroup>();
  for (const place of order) tally(totals, place, 1);
  const byId = new Map(order.map((place) => [place.id, place]));
  return { version, byId, order, totals, pending: new Map() };
}

function remove(line: Line, id: string): void {
  const held = line.byId.get(id);
  if (!held) return;
  line.byId.delete(id);
  line.order.splice(placesBefore(line, held), 1);
  tally(line.totals, held, -1);
}

function put(line: Line, place: Place): void {
  remove(line, place.id);
  line.byId.set(place.id, place);
  line.order.splice(placesBefore(line, place), 0, place);
  tally(line.totals, place, 1);
}

function apply(line: Line, change: LineChange, agingMs: number): void {
  for (const [id, ticket] of change) {
    if (ticket) put(line, placeOf(ticket, agingMs));
    else remove(line, id);
  }
}

/** Applies the changes waiting in `pending` that follow the line's version, in order. */
function applyPending(line: Line, agingMs: number): void {
  for (const version of line.pending.keys()) {
    if (version <= line.version) line.pending.delete(version);
  }
  for (let next = line.pending.get(line.version + 1); next;) {
    line.pending.delete(line.version + 1);
    apply(line, next, agingMs);
    line.version += 1;
    next = line.pending.get(line.version + 1);
  }
}

/**
 * The places served before `spot`, per group: counted from the front, or, for a spot nearer the
 * end (a new ticket's), as the whole line's totals less the places from the spot on.
 */
function countAhead(line: Line, spot: Place): AheadGroup[] {
  const end = placesBefore(line, spot);
  const fromFront = end <= line.order.length - end;
  const groups = new Map<string, AheadGroup>();
  if (!fromFront) for (const [key, group] of line.totals) groups.set(key, { ...group });
  const [first, last, by] = fromFront ? [0, end, 1] : [end, line.order.length, -1];
  for (let i = first; i < last; i++) tally(groups, line.order[i]!, by);
  return [...groups.values()];
}

/**
 * Each office's waiting line held in memory, so that a ticket's place is counted without reading
 * the tickets ahead of it: a count through the store's index costs as much as the line is long,
 * on every new ticket and every bootstrap. Each use reads the line's version (one row, moved on
 * by every transaction that changes the line, on any instance, as its last statement); a line
 * whose version moved is read again, unless this instance made the change, which it applies.
 * Instances that share their store (`shared`) also note what each version changed, and one
 * behind another's changes applies them: with several instances the line moves on at another's
 * hand nearly every time it is used, and reading all of it each time cost as much as it was long.
 */
export class WaitingLine {
  readonly #lines = new Map<string, Line>();
  readonly #loading = new Map<string, Promise<Line>>();

  /**
   * `db` reads a line again outside any transaction; `agingMs` is how much earlier a priority
   * ticket counts as queued (`DEFAULT_POLICY.priorityAgingMs`); `shared`, whether other
   * instances change the lines too.
   */
  constructor(
    private readonly db: Db,
    private readonly agingMs: number,
    private readonly shared = false,
  ) {}

  /** The waiting tickets served before `spot`, counted as `countWaitingAhead` counts them. */
  async ahead(db: Db, spot: QueueSpot): Promise<AheadGroup[]> {
    const line = await this.#current(db, spot.office_id);
    if (!line) return countWaitingAhead(db, spot, this.agingMs);
    return countAhead(line, placeOf({ ...spot, ...NO_GROUP }, this.agingMs));
  }

  /**
   * The waiting tickets served before `spot` as the line held in memory counts them, if it is at
   * `version`, read with the spot; none otherwise, once a line that was behind has been read again.
   */
  async aheadAt(spot: QueueSpot, version: number): Promise<AheadGroup[] | undefined> {
    const line = this.#lines.get(spot.office_id);
    const counted = (held: Line) =>
      countAhead(held, placeOf({ ...spot, ...NO_GROUP }, this.agingMs));
    if (line?.version === version) return counted(line);
    if (line && line.version < version) {
      // Caught up past `version` meanwhile (a commit of this instance), it no longer answers.
      if (await this.#caughtUp(this.db, spot.office_id, line, version)) {
        return line.version === version ? counted(line) : undefined;
      }
    }
    if (!line || line.version < version) await this.#load(spot.office_id);
    return undefined;
  }

  /**
   * Every waiting ticket of an office with its group, in serving order: the line as it is held,
   * which the next commit changes in place, so it is read before anything else is awaited.
   */
  async places(db: Db, officeId: string): Promise<readonly PlacedTicket[]> {
    const line = await this.#current(db, officeId);
    if (!line) return lineOf(0, await listWaitingLine(db, officeId), this.agingMs).order;
    return line.order;
  }

  /** The office's line as the store has it now; none inside a transaction that finds it stale. */
  async #current(db: Db, officeId: string): Promise<Line | undefined> {
    const version = await readLineVersion(db, officeId);
    const line = this.#lines.get(officeId);
    if (line?.version === version) return line;
    if (line && line.version < version && (await this.#caughtUp(db, officeId, line, version))) {
      return line;
    }
    // A line read inside a transaction could hold its changes before they commit, or for good
    // if it rolls back: the line is read again beside it, and the store answers this once.
    if (db.isTransaction) {
      void this.#load(officeId).catch(() => undefined);
      return undefined;
    }
    return this.#load(officeId);
  }

  /**
   * Inside a transaction, as its last statements: moves the version of each office whose line it
   * changed on, in the order of the offices' ids, so two transactions wait for each other at most
   * once their other rows are taken. Answers the versions the changes made.
   */
  async seal(trx: Db, changes: LineChanges): Promise<Map<string, number>> {
    const versions = new Map<string, number>();
    for (const officeId of [...changes.keys()].sort()) {
      const version = await bumpLineVersion(trx, officeId);
      if (this.shared) await recordLineChange(trx, officeId, version, changes.get(officeId)!);
      versions.set(officeId, version);
    }
    return versions;
  }

  /**
   * Brings `line` up to `version` from the changes noted for the versions in between, if every
   * one of them is noted; false if not (a version moved on by an instance that notes none, or
   * gone from the store), and when another read replaced the line meanwhile. Read inside a
   * transaction too: its own changes are noted only as it seals, so what it reads is committed.
   */
  async #caughtUp(db: Db, officeId: string, line: Line, version: number): Promise<boolean> {
    if (!this.shared) return false;
    const noted = await listLineChanges(db, officeId, line.version, version);
    if (this.#lines.get(officeId) !== line) return false;
    const missing = noted.filter((change) => change.version > line.version);
    if (missing.length < version - line.version) return false;
    for (const { version: next, change } of missing) {
      apply(line, change, this.agingMs);
      line.version = next;
    }
    applyPending(line, this.agingMs);
    return true;
  }

  /**
   * After the commit: a line held at the version just before the change is moved on by it. Two
   * transactions may be told in the other order than they committed, so a change past the next
   * version waits for the ones before it; a line whose next version another instance made is
   * read again on its next use.
   */
  committed(versions: ReadonlyMap<string, number>, changes: LineChanges): void {
    for (const [officeId, version] of versions) {
      const line = this.#lines.get(officeId);
      // A line read after the commit holds the change already.
      if (!line || line.version >= version) continue;
      line.pending.set(version, changes.get(officeId) ?? new Map());
      applyPending(line, this.agingMs);
      if (line.pending.size > MAX_PENDING) this.#lines.delete(officeId);
    }
  }

  #load(officeId: string): Promise<Line> {
    const running = this.#loading.get(officeId);
    if (running) return running;
    const loading = (async () => {
      // Read before the line: a change committed in between leaves the line newer than the
      // version it is kept under, so it is read again next time rather than kept stale.
      const version = await readLineVersion(this.db, officeId);
      const line = lineOf(version, await listWaitingLine(this.db, officeId), this.agingMs);
      const held = this.#lines.get(officeId);
      if (!held || held.version < version) this.#lines.set(officeId, line);
      return line;
    })().finally(() => this.#loading.delete(officeId));
    this.#loading.set(officeId, loading);
    return loading;
  }
}

/** A spot is placed by its class, time and id only. */
const NO_GROUP = { service_id: '', language: 'id', needs: '', assigned_agent_id: null } as const;
