import type { Db } from '../database.js';
import { ACTIVE_TICKET_STATUSES } from './tickets.js';

/** How many rows share an office and a status. */
export interface StatusCount {
  office_id: string;
  status: string;
  count: number;
}

/** Active tickets (waiting, offered, in a call) by office and status. */
export async function countActiveTickets(db: Db): Promise<StatusCount[]> {
  const rows = await db
    .selectFrom('tickets')
    .select(['office_id', 'status', (eb) => eb.fn.countAll<string | number>().as('count')])
    .where('status', 'in', ACTIVE_TICKET_STATUSES)
    .groupBy(['office_id', 'status'])
    .execute();
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}

/** Officers by office and status. */
export async function countAgents(db: Db): Promise<StatusCount[]> {
  const rows = await db
    .selectFrom('agents')
    .select(['office_id', 'status', (eb) => eb.fn.countAll<string | number>().as('count')])
    .groupBy(['office_id', 'status'])
    .execute();
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}

/** When each office's longest-waiting ticket joined its queue. */
export async function oldestWaiting(db: Db): Promise<{ office_id: string; since: number }[]> {
  const rows = await db
    .selectFrom('tickets')
    .select(['office_id', (eb) => eb.fn.min<string | number>('queued_at').as('since')])
    .where('status', '=', 'waiting')
    .groupBy('office_id')
    .execute();
  return rows.map((row) => ({ office_id: row.office_id, since: Number(row.since) }));
}
