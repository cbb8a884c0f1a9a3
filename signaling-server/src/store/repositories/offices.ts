import type { Db } from '../database.js';
import type { OfficeRow, ServiceRow } from '../schema.js';

/** The office with this id, if any. */
export function findOffice(db: Db, id: string): Promise<OfficeRow | undefined> {
  return db.selectFrom('offices').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Active services of an office in display order. */
export function listServices(db: Db, officeId: string): Promise<ServiceRow[]> {
  return db
    .selectFrom('services')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('active', '=', 1)
    .orderBy('sort_order')
    .execute();
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

/** Whether any office exists yet: an empty store is where demo data may go. */
export async function hasAnyOffice(db: Db): Promise<boolean> {
  return (await db.selectFrom('offices').select('id').limit(1).executeTakeFirst()) !== undefined;
}
