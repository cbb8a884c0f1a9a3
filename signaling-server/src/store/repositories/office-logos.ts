import type { Db } from '../database.js';
import type { OfficeLogoRow } from '../schema.js';

/** An office's logo, if it has one. */
export function findOfficeLogo(db: Db, officeId: string): Promise<OfficeLogoRow | undefined> {
  return db
    .selectFrom('office_logos')
    .selectAll()
    .where('office_id', '=', officeId)
    .executeTakeFirst();
}

/** Gives an office this logo, in place of any it had. */
export async function putOfficeLogo(db: Db, logo: OfficeLogoRow): Promise<void> {
  await db.deleteFrom('office_logos').where('office_id', '=', logo.office_id).execute();
  await db.insertInto('office_logos').values(logo).execute();
}

/** Takes an office's logo away. */
export async function dropOfficeLogo(db: Db, officeId: string): Promise<void> {
  await db.deleteFrom('office_logos').where('office_id', '=', officeId).execute();
}
