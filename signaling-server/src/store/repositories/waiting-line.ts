import { sql } from 'kysely';
import type { Db } from '../database.js';
import { prepared } from '../prepared.js';
import type { TicketRow } from '../schema.js';

/** The columns a waiting ticket's place in its office's line is worked out from. */
export const LINE_TICKET_COLUMNS = [
  'id',
  'priority',
  'queued_at',
  'service_id',
  'language',
  'needs',
  'assigned_agent_id',
] as const;

/** What a waiting ticket's place in its office's line is worked out from. */
export type LineTicket = Pick<TicketRow, (typeof LINE_TICKET_COLUMNS)[number]>;

const lineVersionQuery = prepared((db: Db, officeId: string) =>
  db.selectFrom('waiting_line_versions').select('version').where('office_id', '=', officeId),
);

/** The version of an office's waiting line; 0 for a line never changed since the table came. */
export async function readLineVersion(db: Db, officeId: string): Promise<number> {
  return (await lineVersionQuery(db, officeId)).rows[0]?.version ?? 0;
}

const bumpLineVersionQuery = prepared((db: Db, officeId: string) =>
  db
    .insertInto('waiting_line_versions')
    .values({ office_id: officeId, version: 1 })
    .onConflict((oc) =>
      oc
        .column('office_id')
        .doUpdateSet((eb) => ({ version: eb('waiting_line_versions.version', '+', 1) })),
    )
    .returning('version'),
);

/** Moves an office's waiting line version on by one; answers the new version. */
export async function bumpLineVersion(db: Db, officeId: string): Promise<number> {
  const [row] = (await bumpLineVersionQuery(db, officeId)).rows;
  if (!row) throw new Error('the waiting line version returned nothing');
  return row.version;
}

/** Moves every office's waiting line version on: for a change to the lines of every office. */
export async function bumpEveryLineVersion(db: Db): Promise<void> {
  await db
    .insertInto('waiting_line_versions')
    .columns(['office_id', 'version'])
    // `where true` tells SQLite the `on conflict` that follows is not a join's.
    .expression((eb) =>
      eb
        .selectFrom('offices')
        .select(['id', eb.lit(1).as('version')])
        .where(sql<boolean>`true`),
    )
    .onConflict((oc) =>
      oc
        .column('office_id')
        .doUpdateSet((eb) => ({ version: eb('waiting_line_versions.version', '+', 1) })),
    )
    .execute();
}

const waitingLineQuery = prepared((db: Db, officeId: string) =>
  db
    .selectFrom('tickets')
    .select(LINE_TICKET_COLUMNS)
    .where('office_id', '=', officeId)
    .where('status', '=', 'waiting'),
);

/** Every waiting ticket of an office, in no particular order. */
export async function listWaitingLine(db: Db, officeId: string): Promise<LineTicket[]> {
  return (await waitingLineQuery(db, officeId)).rows;
}

/** What one version of a line changed: each ticket as it now waits, or null once it left. */
export type LineChange = ReadonlyMap<string, LineTicket | null>;

/** Versions of each office's line whose changes are kept; an instance further behind reads the line again. */
export const KEPT_LINE_CHANGES = 1024;
/** Every this many versions, the changes of versions no longer kept are dropped. */
const PRUNE_EVERY = 64;

const recordLineChangeQuery = prepared(
  (db: Db, officeId: string, version: number, changes: string) =>
    db.insertInto('waiting_line_changes').values({ office_id: officeId, version, changes }),
);

const pruneLineChangesQuery = prepared((db: Db, officeId: string, upTo: number) =>
  db
    .deleteFrom('waiting_line_changes')
    .where('office_id', '=', officeId)
    .where('version', '<=', upTo),
);

/** Notes what `version` of an office's line changed, in the transaction that made it. */
export async function recordLineChange(
  db: Db,
  officeId: string,
  version: number,
  change: LineChange,
): Promise<void> {
  await recordLineChangeQuery(db, officeId, version, JSON.stringify([...change]));
  if (version % PRUNE_EVERY === 0) {
    await pruneLineChangesQuery(db, officeId, version - KEPT_LINE_CHANGES);
  }
}

const lineChangesQuery = prepared((db: Db, officeId: string, after: number, upTo: number) =>
  db
    .selectFrom('waiting_line_changes')
    .select(['version', 'changes'])
    .where('office_id', '=', officeId)
    .where('version', '>', after)
    .where('version', '<=', upTo)
    .orderBy('version'),
);

/** The changes noted for the versions of an office's line after `after` up to `upTo`, in order. */
export async function listLineChanges(
  db: Db,
  officeId: string,
  after: number,
  upTo: number,
): Promise<{ version: number; change: LineChange }[]> {
  const { rows } = await lineChangesQuery(db, officeId, after, upTo);
  return rows.map(({ version, changes }) => ({
    version,
    change: new Map(JSON.parse(changes) as [string, LineTicket | null][]),
  }));
}
