import type { AgentStatus } from '@loket/shared';
import type { Db } from '../database.js';
import type { AgentRow, UserRow } from '../schema.js';

/** An agent's runtime state with the user it belongs to. */
export type AgentWithUser = AgentRow & Pick<UserRow, 'display_name' | 'languages'>;

const withUser = (db: Db) =>
  db
    .selectFrom('agents')
    .innerJoin('users', 'users.id', 'agents.user_id')
    .selectAll('agents')
    .select(['users.display_name', 'users.languages']);

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
