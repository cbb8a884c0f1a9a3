import type { Db } from '../database.js';
import type { UserRow } from '../schema.js';

/** The user with this username, if any. */
export function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

/** The user with this id, if any. */
export function findUser(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A user as they are first stored: active, at their first version. */
export type NewUser = Omit<UserRow, 'version' | 'deactivated_at' | 'must_change_password'> &
  Partial<Pick<UserRow, 'must_change_password'>>;

/** Stores a new user. */
export async function insertUser(db: Db, user: NewUser): Promise<void> {
  await db
    .insertInto('users')
    .values({ must_change_password: 0, ...user, version: 1, deactivated_at: null })
    .execute();
}

/** The skills of one user, in no particular order. */
export async function listSkills(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('agent_skills')
    .select('skill')
    .where('user_id', '=', userId)
    .execute();
  return rows.map((row) => row.skill);
}

/** Gives a user skills, beside those they hold. */
export async function addSkills(db: Db, userId: string, skills: readonly string[]): Promise<void> {
  if (skills.length === 0) return;
  await db
    .insertInto('agent_skills')
    .values(skills.map((skill) => ({ user_id: userId, skill })))
    .onConflict((oc) => oc.columns(['user_id', 'skill']).doNothing())
    .execute();
}

/** The people of an office, whatever their role. */
export function listUsersOfOffice(db: Db, officeId: string): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().where('office_id', '=', officeId).execute();
}
