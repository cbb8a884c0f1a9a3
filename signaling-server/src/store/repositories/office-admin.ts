import type { Updateable } from 'kysely';
import type { Db } from '../database.js';
import type { OfficeRow, ServiceRow } from '../schema.js';

/**
 * Changes an office if it is still at `version`, bumping it; false when someone else changed it
 * first (or it is gone).
 */
export async function updateOfficeAt(
  db: Db,
  officeId: string,
  version: number,
  change: Updateable<OfficeRow>,
): Promise<boolean> {
  const result = await db
    .updateTable('offices')
    .set({ ...change, version: version + 1 })
    .where('id', '=', officeId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Changes an office's hours if they are still at `version`, bumping it; false otherwise. */
export async function updateHoursAt(
  db: Db,
  officeId: string,
  version: number,
  hours: string,
): Promise<boolean> {
  const result = await db
    .updateTable('offices')
    .set({ hours, hours_version: version + 1 })
    .where('id', '=', officeId)
    .where('hours_version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Every service of an office, retired ones included: live ones first, in display order. */
export function listAllServices(db: Db, officeId: string): Promise<ServiceRow[]> {
  return db
    .selectFrom('services')
    .selectAll()
    .where('office_id', '=', officeId)
    .orderBy('active', 'desc')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

/** How many tickets wait for each service of an office. */
export async function countWaitingByService(
  db: Db,
  officeId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('tickets')
    .select(['service_id', db.fn.countAll<number | string>().as('waiting')])
    .where('office_id', '=', officeId)
    .where('status', '=', 'waiting')
    .groupBy('service_id')
    .execute();
  return new Map(rows.map((row) => [row.service_id, Number(row.waiting)]));
}

/**
 * The service of an office with this ticket letter, other than `exceptId`, if any. A retired
 * service keeps its letter: its tickets of the day still carry it, and a new service with the
 * same letter would hand out their numbers again.
 */
export function findServiceByLetter(
  db: Db,
  officeId: string,
  letter: string,
  exceptId: string | null,
): Promise<{ id: string } | undefined> {
  let query = db
    .selectFrom('services')
    .select('id')
    .where('office_id', '=', officeId)
    .where('letter', '=', letter);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

/** The next free place at the end of an office's list of services. */
export async function nextServiceOrder(db: Db, officeId: string): Promise<number> {
  const row = await db
    .selectFrom('services')
    .select(db.fn.max('sort_order').as('last'))
    .where('office_id', '=', officeId)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

/** Adds a service. */
export async function insertService(db: Db, service: ServiceRow): Promise<void> {
  await db.insertInto('services').values(service).execute();
}

/**
 * Changes a service of an office if it is still at `version`, bumping it; false when someone else
 * changed it first (or it is not the office's).
 */
export async function updateServiceAt(
  db: Db,
  officeId: string,
  serviceId: string,
  version: number,
  change: Updateable<ServiceRow>,
): Promise<boolean> {
  const result = await db
    .updateTable('services')
    .set({ ...change, version: version + 1 })
    .where('id', '=', serviceId)
    .where('office_id', '=', officeId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Puts one service of an office at a place in the display order. */
export async function setServiceOrder(
  db: Db,
  officeId: string,
  serviceId: string,
  order: number,
): Promise<void> {
  await db
    .updateTable('services')
    .set((eb) => ({ sort_order: order, version: eb('version', '+', 1) }))
    .where('id', '=', serviceId)
    .where('office_id', '=', officeId)
    .execute();
}
