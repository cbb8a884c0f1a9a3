import type { Db } from '../database.js';
import type { CaptionTroubleRow } from '../schema.js';

/** Keeps what a side reported unavailable in a call's captions; a later report replaces it. */
export async function rememberCaptionTrouble(db: Db, row: CaptionTroubleRow): Promise<void> {
  await db
    .insertInto('caption_troubles')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['call_id', 'from_side', 'provider'])
        .doUpdateSet({ trouble: row.trouble, at: row.at }),
    )
    .execute();
}

/** What either side reported unavailable in a call's captions, oldest first. */
export function listCaptionTroubles(db: Db, callId: string): Promise<CaptionTroubleRow[]> {
  return db
    .selectFrom('caption_troubles')
    .selectAll()
    .where('call_id', '=', callId)
    .orderBy('at')
    .execute();
}
