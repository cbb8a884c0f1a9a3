import type { AgentStatus } from '@loket/shared';
import { sql } from 'kysely';
import { isPostgres, type Db } from '../database.js';
import type { AgentRow, UserRow } from '../schema.js';

/** An agent's runtime state with the user it belongs to. */
export type AgentWithUser = AgentRow &
  Pick<UserRow, 'display_name' | 'languages' | 'sign_language'>;

const withUser = (db: Db) =>
  db
    .selectFrom('agents')
    .innerJoin('users', 'users.id', 'agents.user_id')
    .selectAll('agents')
    .select(['users.display_name', 'users.languages', 'users.sign_language']);

/** The agent state of a user, creating it (offline) on first sight. */
export async function ensureAgent(
  db: Db,
  user: Pick<UserRow, 'id' | 'office_id'>,
  now: number,
): Promise<AgentWithUser> {
  await db
    .insertInto('agents')
    .values({
      user_id: user.id,
      office_id: user.office_id,
      status: 'offline',
      status_since: now,
      idle_since: now,
      missed_offers: 0,
    })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
  return withUser(db).where('agents.user_id', '=', user.id).executeTakeFirstOrThrow();
}

/** One agent, if known. */
export function findAgent(db: Db, userId: string): Promise<AgentWithUser | undefined> {
  return withUser(db).where('agents.user_id', '=', userId).executeTakeFirst();
}

/** Agents of an office, optionally only those in one state. */
export function listAgents(
  db: Db,
  officeId: string,
  status?: AgentStatus,
): Promise<AgentWithUser[]> {
  let query = withUser(db).where('agents.office_id', '=', officeId);
  if (status) query = query.where('agents.status', '=', status);
  return query.orderBy('users.display_name').execute();
}

/**
 * Moves an agent from `from` to `to`. Returns false when the agent was no longer in `from`, so a
 * concurrent change wins and this one is refused rather than overwriting it.
 */
export async function moveAgent(
  db: Db,
  userId: string,
  from: AgentStatus,
  change: { status: AgentStatus; at: number; idle?: boolean },
): Promise<boolean> {
  const result = await db
    .updateTable('agents')
    .set({
      status: change.status,
      status_since: change.at,
      ...(change.idle ? { idle_since: change.at } : {}),
    })
    .where('user_id', '=', userId)
    .where('status', '=', from)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** What routing needs of an agent who is signed in, with their skills in one row. */
export type AgentAtWork = Pick<AgentRow, 'user_id' | 'status' | 'idle_since'> &
  Pick<UserRow, 'languages' | 'sign_language'> & {
    /** Comma-separated ids of the services the agent is skilled to serve; null: none. */
    service_ids: string | null;
  };

/**
 * Agents of an office in any state but offline, in no particular order. Skills come folded into
 * each agent's row: one row per agent costs far less to read than one per skill.
 */
export function listAgentsAtWork(db: Db, officeId: string): Promise<AgentAtWork[]> {
  const serviceIds = isPostgres(db)
    ? sql<string | null>`string_agg(user_services.service_id, ',')`
    : sql<string | null>`group_concat(user_services.service_id, ',')`;
  return db
    .selectFrom('agents')
    .innerJoin('users', 'users.id', 'agents.user_id')
    .select((eb) => [
      'agents.user_id',
      'agents.status',
      'agents.idle_since',
      'users.languages',
      'users.sign_language',
      eb
        .selectFrom('user_services')
        .select(serviceIds.as('service_ids'))
        .whereRef('user_services.user_id', '=', 'agents.user_id')
        .as('service_ids'),
    ])
    .where('agents.office_id', '=', officeId)
    .where('agents.status', '!=', 'offline')
    .execute();
}

/** Counts a missed offer; returns how many the agent has missed in a row now. */
export async function countMissedOffer(db: Db, userId: string): Promise<number> {
  const row = await db
    .updateTable('agents')
    .set((eb) => ({ missed_offers: eb('missed_offers', '+', 1) }))
    .where('user_id', '=', userId)
    .returning('missed_offers')
    .executeTakeFirstOrThrow();
  return row.missed_offers;
}

/** Forgets missed offers once the agent answers one. */
export async function resetMissedOffers(db: Db, userId: string): Promise<void> {
  await db.updateTable('agents').set({ missed_offers: 0 }).where('user_id', '=', userId).execute();
}

/**
 * Locks an agent's row until the transaction ends, so a decision read from it (e.g. "no offer in
 * hand") still holds when it is acted on. SQLite runs one writer at a time, so there it is a
 * no-op; PostgreSQL takes a row lock.
 */
export async function lockAgent(db: Db, userId: string): Promise<void> {
  if (!isPostgres(db)) return;
  await db
    .selectFrom('agents')
    .select('user_id')
    .where('user_id', '=', userId)
    .forUpdate()
    .execute();
}
