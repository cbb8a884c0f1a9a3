import { sql } from 'kysely';
import type { Db } from '../database.js';
import { prepared } from '../prepared.js';
import type { TicketRow } from '../schema.js';

/** What a waiting ticket's place in its office's line is worked out from. */
export type LineTicket = Pick<
  TicketRow,
  'id' | 'priority' | 'queued_at' | 'service_id' | 'language' | 'needs' | 'assigned_agent_id'
>;

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
    .select(['id', 'priority', 'queued_at', 'service_id', 'language', 'needs', 'assigned_agent_id'])
    .where('office_id', '=', officeId)
    .where('status', '=', 'waiting'),
);

/** Every waiting ticket of an office, in no particular order. */
export async function listWaitingLine(db: Db, officeId: string): Promise<LineTicket[]> {
  return (await waitingLineQuery(db, officeId)).rows;
}
