import type { AgentStatus } from '@loket/shared';
import { sql } from 'kysely';
import { isPostgres, type Db } from '../database.js';
import { prepared } from '../prepared.js';
import type { AgentRow, UserRow } from '../schema.js';

/** An agent's runtime state with the name of the user it belongs to. */
export type AgentWithUser = AgentRow & Pick<UserRow, 'display_name'>;

const withUser = (db: Db) =>
  db
    .selectFrom('agents')
    .innerJoin('users', 'users.id', 'agents.user_id')
    .selectAll('agents')
    .select(['users.display_name']);

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

const findAgentQuery = prepared((db: Db, userId: string) =>
  withUser(db).where('agents.user_id', '=', userId),
);

/** One agent, if known. */
export async function findAgent(db: Db, userId: string): Promise<AgentWithUser | undefined> {
  return (await findAgentQuery(db, userId)).rows[0];
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
 * An agent's move: the new status and when; `idle` starts their idle time, `clearMissedOffers`
 * forgets the offers they missed in the same write.
 */
export interface AgentChange {
  status: AgentStatus;
  at: number;
  idle?: boolean;
  clearMissedOffers?: boolean;
}

/** The columns an agent's move sets. */
const setByMove = (change: AgentChange) => ({
  status: change.status,
  status_since: change.at,
  ...(change.idle ? { idle_since: change.at } : {}),
  ...(change.clearMissedOffers ? { missed_offers: 0 } : {}),
});

const moveAgentQuery = prepared((db: Db, userId: string, from: AgentStatus, change: AgentChange) =>
  db
    .updateTable('agents')
    .set(setByMove(change))
    .where('user_id', '=', userId)
    .where('status', '=', from),
);

/**
 * Moves an agent from `from` to `to`. Returns false when the agent was no longer in `from`, so a
 * concurrent change wins and this one is refused rather than overwriting it.
 */
export async function moveAgent(
  db: Db,
  userId: string,
  from: AgentStatus,
  change: AgentChange,
): Promise<boolean> {
  const result = await moveAgentQuery(db, userId, from, change);
  return result.numAffectedRows === 1n;
}

/**
 * Moves the agents `userIds` from `from` in one statement, answering those moved as they now
 * are. An agent no longer in `from` is left as it is and out of the answer, so the caller can
 * refuse the whole change when a concurrent one won.
 */
export function moveAgents(
  db: Db,
  userIds: readonly string[],
  from: AgentStatus,
  change: AgentChange,
): Promise<AgentWithUser[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return (
    db
      .updateTable('agents')
      .set(setByMove(change))
      .where('user_id', 'in', userIds)
      .where('status', '=', from)
      .returningAll()
      .returning((eb) =>
        eb
          .selectFrom('users')
          .select('users.display_name')
          .whereRef('users.id', '=', 'agents.user_id')
          .as('display_name'),
      )
      // Every agent is a user (a foreign key), so the name is there.
      .$narrowType<{ display_name: string }>()
      .execute()
  );
}

/** Where an agent is now, as routing needs it; skills are read apart, see `listAgentSkills`. */
export type AgentState = Pick<AgentRow, 'user_id' | 'status' | 'idle_since'>;

/** The one row of `skills_version`. */
const SKILLS_VERSION_ROW = 1;

type AgentTuple = [user_id: string, status: AgentStatus, idle_since: number];
// SQLite hands JSON over as text; node-postgres parses it (and an empty json_agg is null).
type StatesJson = string | AgentTuple[] | null;

const agentStatesQuery = prepared((db: Db, officeId: string) => {
  const states = isPostgres(db)
    ? sql<StatesJson>`json_agg(json_build_array(user_id, status, idle_since))`
    : sql<StatesJson>`json_group_array(json_array(user_id, status, idle_since))`;
  return db
    .selectFrom('agents')
    .select((eb) => [
      states.as('states'),
      eb
        .selectFrom('skills_version')
        .select('version')
        .where('id', '=', SKILLS_VERSION_ROW)
        .as('skills_version'),
    ])
    .where('office_id', '=', officeId)
    .where('status', '!=', 'offline');
});

/**
 * Agents of an office in any state but offline, in no particular order, and the store's skills
 * version read with them (see `readSkillsVersion`), which saves the skill book a round trip. The
 * agents come as one JSON array in one row: making a row object per agent costs several times
 * more than parsing it.
 */
export async function listAgentStates(
  db: Db,
  officeId: string,
): Promise<{ states: AgentState[]; skillsVersion: number }> {
  const [row] = (await agentStatesQuery(db, officeId)).rows;
  if (typeof row?.skills_version !== 'number') throw new Error('the skills version row is missing');
  const tuples: AgentTuple[] =
    typeof row.states === 'string' ? JSON.parse(row.states) : (row.states ?? []);
  return {
    states: tuples.map(([user_id, status, idle_since]) => ({ user_id, status, idle_since })),
    skillsVersion: row.skills_version,
  };
}

/** Every skill of one agent, in one row. */
export interface AgentSkillsRow {
  user_id: string;
  /** Comma-separated skills (a skill has no comma); null: none. */
  skills: string | null;
}

/**
 * Skills of every agent of an office, whatever their state. Skills come folded into each agent's
 * row: one row per agent costs far less to read than one per skill.
 */
export function listAgentSkills(db: Db, officeId: string): Promise<AgentSkillsRow[]> {
  const skills = isPostgres(db)
    ? sql<string | null>`string_agg(agent_skills.skill, ',')`
    : sql<string | null>`group_concat(agent_skills.skill, ',')`;
  return db
    .selectFrom('agents')
    .select((eb) => [
      'agents.user_id',
      eb
        .selectFrom('agent_skills')
        .select(skills.as('skills'))
        .whereRef('agent_skills.user_id', '=', 'agents.user_id')
        .as('skills'),
    ])
    .where('agents.office_id', '=', officeId)
    .execute();
}

const skillsVersionQuery = prepared((db: Db) =>
  db.selectFrom('skills_version').select('version').where('id', '=', SKILLS_VERSION_ROW),
);

/** The store's version of agents' skills: store triggers change it with every change to them. */
export async function readSkillsVersion(db: Db): Promise<number> {
  const [row] = (await skillsVersionQuery(db)).rows;
  if (!row) throw new Error('the skills version row is missing');
  return row.version;
}

/**
 * Sets how many offers the agent has missed in a row, if it is still `from`; false when a
 * concurrent change got there first.
 */
export async function setMissedOffers(
  db: Db,
  userId: string,
  from: number,
  to: number,
): Promise<boolean> {
  const result = await db
    .updateTable('agents')
    .set({ missed_offers: to })
    .where('user_id', '=', userId)
    .where('missed_offers', '=', from)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
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

/** Every agent who is free, ringing or away counts as offline (e.g. after a restart). */
export async function signOutFreeAgents(db: Db, now: number): Promise<void> {
  await db
    .updateTable('agents')
    .set({ status: 'offline', status_since: now })
    .where('status', 'in', ['available', 'offered', 'away'])
    .execute();
}

/** Agents who count as at their console: anything but offline or away. */
export function listAgentsOnDuty(db: Db): Promise<Pick<AgentRow, 'user_id' | 'office_id'>[]> {
  return db
    .selectFrom('agents')
    .select(['user_id', 'office_id'])
    .where('status', 'in', ['available', 'offered', 'busy', 'wrap_up'])
    .execute();
}

/** Every agent in a call or its wrap-up, with their office. */
export function listAgentsAtWork(db: Db): Promise<Pick<AgentRow, 'user_id' | 'office_id'>[]> {
  return db
    .selectFrom('agents')
    .select(['user_id', 'office_id'])
    .where('status', 'in', ['busy', 'wrap_up'])
    .execute();
}
