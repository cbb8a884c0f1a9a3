import type { Db } from '../database.js';
import type { SurveyRow } from '../schema.js';

/** Stores a visitor's survey. */
export async function insertSurvey(db: Db, survey: SurveyRow): Promise<void> {
  await db.insertInto('surveys').values(survey).execute();
}

/** Whether the visit of this ticket has its survey already. */
export async function hasSurvey(db: Db, ticketId: string): Promise<boolean> {
  const row = await db
    .selectFrom('surveys')
    .select('id')
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
  return row !== undefined;
}

/** An office's surveys given at or after `since`. */
export function listSurveysSince(db: Db, officeId: string, since: number): Promise<SurveyRow[]> {
  return db
    .selectFrom('surveys')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('created_at', '>=', since)
    .execute();
}
