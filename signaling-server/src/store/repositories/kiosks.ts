import type { Db } from '../database.js';
import type { KioskRow } from '../schema.js';

/** The kiosk enrolled with this token hash, if any. */
export function findKioskByTokenHash(db: Db, tokenHash: string): Promise<KioskRow | undefined> {
  return db.selectFrom('kiosks').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Enrols a kiosk. */
export async function insertKiosk(db: Db, kiosk: KioskRow): Promise<void> {
  await db.insertInto('kiosks').values(kiosk).execute();
}

/** Gives a kiosk a new device token; the old one stops working. */
export async function setKioskToken(db: Db, id: string, tokenHash: string): Promise<void> {
  await db.updateTable('kiosks').set({ token_hash: tokenHash }).where('id', '=', id).execute();
}

/** Records when a kiosk was last connected, for kiosk health. */
export async function touchKiosk(db: Db, id: string, at: number): Promise<void> {
  await db.updateTable('kiosks').set({ last_seen_at: at }).where('id', '=', id).execute();
}
