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

/** The surveys of an office that still hold a comment given at or before `by`. */
export async function listKeptCommentsGivenBy(
  db: Db,
  officeId: string,
  by: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('surveys')
    .select('id')
    .where('office_id', '=', officeId)
    .where('created_at', '<=', by)
    .where('comment', 'is not', null)
    .execute();
  return rows.map((row) => row.id);
}

/** Erases these surveys' comments (their scores stay: they are not personal); answers how many. */
export async function eraseSurveyComments(db: Db, ids: string[], at: number): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('surveys')
    .set({ comment: null, comment_erased_at: at })
    .where('id', 'in', ids)
    .where('comment', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
