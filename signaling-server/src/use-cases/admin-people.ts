import {
  Language,
  NEED_LIST,
  languageSkill,
  serviceSkill,
  type CreatePersonBody,
  type PeopleList,
  type Person,
  type PersonAnswer,
  type ResetPasswordBody,
  type SetPersonActiveBody,
  type SkillChoice,
  type UpdatePersonBody,
} from '@loket/shared';
import { hashPassword } from '../auth/password.js';
import { audit } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import type { Outbox } from '../context/outbox.js';
import { inTransaction } from '../context/transaction.js';
import type { Db } from '../store/database.js';
import { lockAgent } from '../store/repositories/agents.js';
import { listServices } from '../store/repositories/offices.js';
import { deleteSessionsOf } from '../store/repositories/sessions.js';
import { addSkills, findUserByUsername, insertUser } from '../store/repositories/users.js';
import type { ServiceRow, UserRow } from '../store/schema.js';
import { LANGUAGE_NAMES, NAMED_SKILLS } from '../read-models/skill-names.js';
import { admitAdmin, type AdminActor } from './admin-access.js';
import { agentSkillsOf } from './agent-skills.js';

/** What the office's people hold, read once for a list or an answer. */
interface OfficeFacts {
  services: ServiceRow[];
  skillsByUser: Map<string, string[]>;
  inCall: Set<string>;
}

async function officeFacts(db: Db, officeId: string): Promise<OfficeFacts> {
  const [services, skillRows, calls] = await Promise.all([
    listServices(db, officeId),
    db
      .selectFrom('agent_skills')
      .innerJoin('users', 'users.id', 'agent_skills.user_id')
      .select(['agent_skills.user_id', 'agent_skills.skill'])
      .where('users.office_id', '=', officeId)
      .execute(),
    db
      .selectFrom('calls')
      .select('agent_id')
      .where('office_id', '=', officeId)
      .where('ended_at', 'is', null)
      .execute(),
  ]);
  const skillsByUser = new Map<string, string[]>();
  for (const row of skillRows) {
    skillsByUser.set(row.user_id, [...(skillsByUser.get(row.user_id) ?? []), row.skill]);
  }
  return { services, skillsByUser, inCall: new Set(calls.map((call) => call.agent_id)) };
}

/**
 * The services tickets are routed to this person for: those whose skill they hold, provided they
 * serve in at least one language (a ticket always asks for one).
 */
function servedBy(skills: ReadonlySet<string>, services: ServiceRow[]) {
  const speaks = Language.options.some((language) => skills.has(languageSkill(language)));
  if (!speaks) return [];
  return services
    .filter((service) => skills.has(serviceSkill(service.id)))
    .map((service) => ({ id: service.id, name: { id: service.name_id, en: service.name_en } }));
}

function personOf(user: UserRow, facts: OfficeFacts): Person {
  const skills = [...(facts.skillsByUser.get(user.id) ?? [])].sort();
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    active: user.deactivated_at === null,
    mustChangePassword: user.must_change_password === 1,
    skills,
    canServe: servedBy(new Set(skills), facts.services),
    inCall: facts.inCall.has(user.id),
    createdAt: Number(user.created_at),
    version: user.version,
  };
}

function skillChoices(facts: OfficeFacts): SkillChoice[] {
  const choices: SkillChoice[] = [
    ...facts.services.map((service) => ({
      skill: serviceSkill(service.id),
      kind: 'service' as const,
      name: { id: service.name_id, en: service.name_en },
    })),
    ...Language.options.map((language) => ({
      skill: languageSkill(language),
      kind: 'language' as const,
      name: LANGUAGE_NAMES[language],
    })),
  ];
  const known = new Set(choices.map((choice) => choice.skill));
  // Skills needs require and skills the office gave before are offered too, so none is lost.
  const others = [
    ...NEED_LIST.flatMap((need) => need.requires),
    ...[...facts.skillsByUser.values()].flat(),
  ];
  for (const skill of new Set(others)) {
    if (known.has(skill) || skill.startsWith('service:') || skill.startsWith('language:')) continue;
    choices.push({ skill, kind: 'other', name: NAMED_SKILLS[skill] ?? { id: skill, en: skill } });
  }
  return choices;
}

/** A service skill must name a service of this office; anything else is refused. */
function checkSkills(skills: readonly string[], facts: OfficeFacts): void {
  const services = new Set(facts.services.map((service) => serviceSkill(service.id)));
  const stranger = skills.find((skill) => skill.startsWith('service:') && !services.has(skill));
  if (stranger) throw new LoketError('BAD_REQUEST', `no such service: ${stranger}`);
}

async function userOfOffice(db: Db, admin: AdminActor, id: string, version: number) {
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .where('office_id', '=', admin.officeId)
    .executeTakeFirst();
  if (!user) throw new LoketError('NOT_FOUND', 'no such person in this office');
  if (user.version !== version) {
    throw new LoketError('CHANGED_ELSEWHERE', 'the person was changed by someone else');
  }
  return user;
}

/** Advances the person's version from the one read; CHANGED_ELSEWHERE when it moved meanwhile. */
async function bumpVersion(
  trx: Db,
  id: string,
  version: number,
  changes: Partial<
    Pick<
      UserRow,
      'display_name' | 'role' | 'deactivated_at' | 'password_hash' | 'must_change_password'
    >
  >,
) {
  const result = await trx
    .updateTable('users')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw new LoketError('CHANGED_ELSEWHERE', 'the person was changed by someone else');
  }
}

async function answer(ctx: ServiceContext, admin: AdminActor, id: string): Promise<PersonAnswer> {
  const [user, facts] = await Promise.all([
    ctx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    officeFacts(ctx.db, admin.officeId),
  ]);
  return { person: personOf(user, facts) };
}

/** Signs a person out everywhere: their sessions end and their sockets close after the commit. */
async function signOutEverywhere(trx: Db, outbox: Outbox, userId: string) {
  for (const hash of await deleteSessionsOf(trx, userId)) {
    outbox.add((notifier) => notifier.sessionEnded(hash));
  }
}

/** The office's people, and every skill that can be given to them. */
export async function listPeople(
  ctx: ServiceContext,
  token: string | undefined,
): Promise<PeopleList> {
  const admin = await admitAdmin(ctx, token, 'people');
  const [users, facts] = await Promise.all([
    ctx.db
      .selectFrom('users')
      .selectAll()
      .where('office_id', '=', admin.officeId)
      .orderBy('display_name')
      .execute(),
    officeFacts(ctx.db, admin.officeId),
  ]);
  return { people: users.map((user) => personOf(user, facts)), skills: skillChoices(facts) };
}

/**
 * Creates a person with a first password they must replace at their first sign-in; a username
 * anyone already has (in any office: usernames sign in without an office) is refused DUPLICATE.
 */
export async function createPerson(
  ctx: ServiceContext,
  token: string | undefined,
  body: CreatePersonBody,
): Promise<PersonAnswer> {
  const admin = await admitAdmin(ctx, token, 'people.create');
  checkSkills(body.skills, await officeFacts(ctx.db, admin.officeId));
  const hash = await hashPassword(body.password);
  const id = ctx.ids();
  await inTransaction(ctx, async (trx, outbox) => {
    if (await findUserByUsername(trx, body.username)) {
      throw new LoketError('DUPLICATE', 'the username is taken');
    }
    await insertUser(trx, {
      id,
      office_id: admin.officeId,
      username: body.username,
      display_name: body.displayName,
      role: body.role,
      password_hash: hash,
      created_at: ctx.clock(),
      must_change_password: 1,
    });
    await addSkills(trx, id, body.skills);
    await audit(ctx, trx, {
      officeId: admin.officeId,
      by: { userId: admin.userId },
      action: 'admin.person.created',
      subjectId: id,
      details: { username: body.username, role: body.role, skills: body.skills },
    });
    outbox.queueChanged(admin.officeId);
  });
  return answer(ctx, admin, id);
}

async function activeAdmins(trx: Db, officeId: string): Promise<number> {
  const row = await trx
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('office_id', '=', officeId)
    .where('role', '=', 'admin')
    .where('deactivated_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Changes a person's name, role and skills. Skills take effect on the next match (the skill book
 * follows the store's skills version), and the office's queue is matched again at once, so a new
 * skill is offered waiting tickets and a removed one routes nothing more. Refused: the last
 * administrator giving up the role, and taking the last service from someone in a call.
 */
export async function updatePerson(
  ctx: ServiceContext,
  token: string | undefined,
  body: UpdatePersonBody,
): Promise<PersonAnswer> {
  const admin = await admitAdmin(ctx, token, 'people.update');
  checkSkills(body.skills, await officeFacts(ctx.db, admin.officeId));
  const wanted = new Set(body.skills);
  await inTransaction(ctx, async (trx, outbox) => {
    await lockAgent(trx, body.id);
    const user = await userOfOffice(trx, admin, body.id, body.version);
    if (
      user.role === 'admin' &&
      body.role !== 'admin' &&
      user.deactivated_at === null &&
      (await activeAdmins(trx, admin.officeId)) <= 1
    ) {
      throw new LoketError('INVALID_STATE', 'the office would be left without an administrator');
    }
    const held = new Set(
      (
        await trx
          .selectFrom('agent_skills')
          .select('skill')
          .where('user_id', '=', user.id)
          .execute()
      ).map((row) => row.skill),
    );
    const servesNow = [...held].some((skill) => skill.startsWith('service:'));
    const servesAfter = [...wanted].some((skill) => skill.startsWith('service:'));
    if (servesNow && !servesAfter) {
      const inCall = await trx
        .selectFrom('calls')
        .select('id')
        .where('agent_id', '=', user.id)
        .where('ended_at', 'is', null)
        .executeTakeFirst();
      if (inCall) {
        throw new LoketError('INVALID_STATE', 'the officer is in a call: keep one service');
      }
    }
    await bumpVersion(trx, user.id, body.version, {
      display_name: body.displayName,
      role: body.role,
    });
    const removed = [...held].filter((skill) => !wanted.has(skill));
    const added = [...wanted].filter((skill) => !held.has(skill));
    if (removed.length > 0) {
      await trx
        .deleteFrom('agent_skills')
        .where('user_id', '=', user.id)
        .where('skill', 'in', removed)
        .execute();
    }
    await addSkills(trx, user.id, added);
    // The officer's console shows their skills: it follows at once.
    const skills = await agentSkillsOf(trx, admin.officeId, user.id);
    outbox.add((n) => n.agentSkills(user.id, skills));
    await audit(ctx, trx, {
      officeId: admin.officeId,
      by: { userId: admin.userId },
      action: 'admin.person.updated',
      subjectId: user.id,
      details: { displayName: body.displayName, role: body.role, added, removed },
    });
    outbox.queueChanged(admin.officeId);
  });
  return answer(ctx, admin, body.id);
}

/**
 * Deactivates a person (signed out at once: their sessions end and their sockets close) or lets
 * them sign in again. Refused: deactivating oneself, and an officer in a call, whose visitor
 * would be cut off mid-sentence; they are deactivated once the call ends.
 */
export async function setPersonActive(
  ctx: ServiceContext,
  token: string | undefined,
  body: SetPersonActiveBody,
): Promise<PersonAnswer> {
  const admin = await admitAdmin(ctx, token, 'people.active');
  if (!body.active && body.id === admin.userId) {
    throw new LoketError('INVALID_STATE', 'you cannot deactivate yourself');
  }
  await inTransaction(ctx, async (trx, outbox) => {
    await lockAgent(trx, body.id);
    const user = await userOfOffice(trx, admin, body.id, body.version);
    if (!body.active) {
      const inCall = await trx
        .selectFrom('calls')
        .select('id')
        .where('agent_id', '=', user.id)
        .where('ended_at', 'is', null)
        .executeTakeFirst();
      if (inCall) throw new LoketError('INVALID_STATE', 'the officer is in a call');
    }
    await bumpVersion(trx, user.id, body.version, {
      deactivated_at: body.active ? null : ctx.clock(),
    });
    if (!body.active) await signOutEverywhere(trx, outbox, user.id);
    await audit(ctx, trx, {
      officeId: admin.officeId,
      by: { userId: admin.userId },
      action: body.active ? 'admin.person.reactivated' : 'admin.person.deactivated',
      subjectId: user.id,
    });
    outbox.queueChanged(admin.officeId);
  });
  return answer(ctx, admin, body.id);
}

/**
 * Gives a person a new password, which they must replace at their next sign-in; they are signed
 * out everywhere, so whoever knew the old one is out too.
 */
export async function resetPassword(
  ctx: ServiceContext,
  token: string | undefined,
  body: ResetPasswordBody,
): Promise<PersonAnswer> {
  const admin = await admitAdmin(ctx, token, 'people.password');
  const hash = await hashPassword(body.password);
  await inTransaction(ctx, async (trx, outbox) => {
    const user = await userOfOffice(trx, admin, body.id, body.version);
    await bumpVersion(trx, user.id, body.version, {
      password_hash: hash,
      must_change_password: 1,
    });
    await signOutEverywhere(trx, outbox, user.id);
    await audit(ctx, trx, {
      officeId: admin.officeId,
      by: { userId: admin.userId },
      action: 'admin.person.password_reset',
      subjectId: user.id,
    });
  });
  return answer(ctx, admin, body.id);
}
