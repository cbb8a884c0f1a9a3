import { sql } from 'kysely';
import { isPostgres, type Db } from '../database.js';
import { prepared } from '../prepared.js';
import type { OfficeRow, ServiceRow } from '../schema.js';
import { writtenLimit } from '../written-limit.js';

const findOfficeQuery = prepared((db: Db, id: string) =>
  db.selectFrom('offices').selectAll().where('id', '=', id),
);

/** The office with this id, if any. */
export async function findOffice(db: Db, id: string): Promise<OfficeRow | undefined> {
  return (await findOfficeQuery(db, id)).rows[0];
}

/**
 * Replaces an office's chat quick replies (JSON of shared QuickReplies) if they are still at
 * `version`, bumping it; false otherwise.
 */
export async function setQuickReplies(
  db: Db,
  officeId: string,
  replies: string,
  version: number,
): Promise<boolean> {
  const result = await db
    .updateTable('offices')
    .set({ chat_quick_replies: replies, quick_replies_version: version + 1 })
    .where('id', '=', officeId)
    .where('quick_replies_version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The one row of `catalogue_version`. */
export const CATALOGUE_VERSION_ROW = 1;

const catalogueVersionQuery = prepared((db: Db) =>
  db.selectFrom('catalogue_version').select('version').where('id', '=', CATALOGUE_VERSION_ROW),
);

/**
 * The store's version of every office's catalogue: store triggers change it with every change to
 * an office or service that kiosks show.
 */
export async function readCatalogueVersion(db: Db): Promise<number> {
  const [row] = (await catalogueVersionQuery(db)).rows;
  if (!row) throw new Error('the catalogue version row is missing');
  return row.version;
}

/** Every office, for jobs that go through them all. */
export function listOffices(db: Db): Promise<OfficeRow[]> {
  return db.selectFrom('offices').selectAll().orderBy('id').execute();
}

const listServicesQuery = prepared((db: Db, officeId: string) =>
  db
    .selectFrom('services')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('active', '=', 1)
    .orderBy('sort_order'),
);

/** Active services of an office in display order. */
export async function listServices(db: Db, officeId: string): Promise<ServiceRow[]> {
  return (await listServicesQuery(db, officeId)).rows;
}

/** An active service of this office, if any. */
export function findService(
  db: Db,
  officeId: string,
  serviceId: string,
): Promise<ServiceRow | undefined> {
  return db
    .selectFrom('services')
    .selectAll()
    .where('id', '=', serviceId)
    .where('office_id', '=', officeId)
    .where('active', '=', 1)
    .executeTakeFirst();
}

/** Keeps a service's moving average of call length, for wait estimates. */
export async function setHandleAverage(
  db: Db,
  serviceId: string,
  averageMs: number,
): Promise<void> {
  await db
    .updateTable('services')
    .set({ avg_handle_ms: averageMs })
    .where('id', '=', serviceId)
    .execute();
}

/** Whether any office exists yet: an empty store is where demo data may go. */
export async function hasAnyOffice(db: Db): Promise<boolean> {
  return (
    (await db.selectFrom('offices').select('id').limit(writtenLimit(1)).executeTakeFirst()) !==
    undefined
  );
}

/**
 * Holds an office's queue until the transaction ends, so that only one matching of it runs at a
 * time across server instances; false when another transaction holds it. SQLite runs one writer
 * at a time, so there it always holds; PostgreSQL tries a transaction-scoped advisory lock without
 * waiting for it.
 */
export async function tryLockOfficeQueue(db: Db, officeId: string): Promise<boolean> {
  if (!isPostgres(db)) return true;
  const { rows } = await sql<{
    locked: boolean;
  }>`select pg_try_advisory_xact_lock(hashtext(${officeId})) as locked`.execute(db);
  return rows[0]?.locked === true;
}

/** Up to two office ids: enough to tell whether the server has exactly one. */
export async function listSomeOfficeIds(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('offices')
    .select('id')
    .orderBy('id')
    .limit(writtenLimit(2))
    .execute();
  return rows.map((row) => row.id);
}

/** A service by id, active or not: a past visit's summary still names it. */
export function findServiceEver(db: Db, serviceId: string): Promise<ServiceRow | undefined> {
  return db.selectFrom('services').selectAll().where('id', '=', serviceId).executeTakeFirst();
}

/**
 * Keeps an office's own list of outcomes (JSON of a shared DispositionList) if it is still at
 * `version`, bumping it; false otherwise.
 */
export async function setOfficeDispositions(
  db: Db,
  officeId: string,
  json: string,
  version: number,
): Promise<boolean> {
  const result = await db
    .updateTable('offices')
    .set({ dispositions: json, dispositions_version: version + 1 })
    .where('id', '=', officeId)
    .where('dispositions_version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
