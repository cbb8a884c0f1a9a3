import type { Db } from '../database.js';
import type { ComplaintRow } from '../schema.js';

/** A complaint with what the dashboard shows beside it. */
export type ComplaintListing = ComplaintRow & {
  ticket_number: string;
  forwarded_by_name: string | null;
};

/**
 * Records a visitor's complaint from one source of a visit; written again (an officer rewrites
 * their note), it takes the new words while it still waits to be forwarded.
 */
export async function recordComplaint(db: Db, complaint: ComplaintRow): Promise<void> {
  await db
    .insertInto('complaints')
    .values(complaint)
    .onConflict((oc) =>
      oc
        .columns(['ticket_id', 'source'])
        .doUpdateSet({ text: complaint.text })
        .where('complaints.status', '=', 'waiting'),
    )
    .execute();
}

/** One complaint of an office. */
export function findComplaint(
  db: Db,
  officeId: string,
  id: string,
): Promise<ComplaintRow | undefined> {
  return db
    .selectFrom('complaints')
    .selectAll()
    .where('id', '=', id)
    .where('office_id', '=', officeId)
    .executeTakeFirst();
}

/** An office's complaints not yet closed by LAPOR!, oldest first. */
export function listOpenComplaints(db: Db, officeId: string): Promise<ComplaintListing[]> {
  return db
    .selectFrom('complaints')
    .innerJoin('tickets', 'tickets.id', 'complaints.ticket_id')
    .leftJoin('users', 'users.id', 'complaints.forwarded_by')
    .selectAll('complaints')
    .select(['tickets.number as ticket_number', 'users.display_name as forwarded_by_name'])
    .where('complaints.office_id', '=', officeId)
    .where('complaints.status', '!=', 'closed')
    .orderBy('complaints.created_at')
    .orderBy('complaints.id')
    .execute();
}

/** Changes a complaint's columns. */
export async function updateComplaint(
  db: Db,
  id: string,
  changes: Partial<Omit<ComplaintRow, 'id' | 'office_id' | 'ticket_id'>>,
): Promise<void> {
  await db.updateTable('complaints').set(changes).where('id', '=', id).execute();
}

/** Complaints, in every office, whose retry to reach LAPOR! is due at `now`. */
export function listDueRetries(db: Db, now: number): Promise<ComplaintRow[]> {
  return db
    .selectFrom('complaints')
    .selectAll()
    .where('status', '=', 'retrying')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .execute();
}

/** Complaints, in every office, that LAPOR! holds and has not closed. */
export function listForwarded(db: Db): Promise<ComplaintRow[]> {
  return db.selectFrom('complaints').selectAll().where('status', '=', 'forwarded').execute();
}

/** An office's complaints that still hold the visitor's words, recorded at or before `by`. */
export async function listKeptComplaintTexts(
  db: Db,
  officeId: string,
  by: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('complaints')
    .select('id')
    .where('office_id', '=', officeId)
    .where('created_at', '<=', by)
    .where('text', 'is not', null)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Erases these complaints' words; the tracking id, status and dates stay, as the office's account
 * of what it forwarded. Answers how many.
 */
export async function eraseComplaintTexts(db: Db, ids: string[], at: number): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('complaints')
    .set({ text: null, text_erased_at: at })
    .where('id', 'in', ids)
    .where('text', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
