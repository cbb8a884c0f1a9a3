import { z } from 'zod';
import { EpochMs, Id } from '../../domain/ids.js';
import { Skill } from '../../domain/skills.js';
import { NewPassword, Role } from '../auth.js';
import { RecordVersion } from './version.js';

/** A username: letters, digits, dots, dashes and underscores, as people type them to sign in. */
export const Username = z
  .string()
  .trim()
  .min(3, 'username_too_short')
  .max(64, 'username_too_long')
  .regex(/^[a-z0-9._-]+$/i, 'username_characters');

/** A name as colleagues and visitors see it. */
export const DisplayName = z
  .string()
  .trim()
  .min(1, 'display_name_missing')
  .max(80, 'display_name_too_long');

/** A service an officer can serve, named in both languages. */
export const ServedService = z.object({
  id: Id,
  name: z.object({ id: z.string(), en: z.string() }),
});
/** A service an officer can serve. */
export type ServedService = z.infer<typeof ServedService>;

/** An officer, manager or administrator as the administration screen lists them. */
export const Person = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  active: z.boolean(),
  /** They must choose a new password when they next sign in. */
  mustChangePassword: z.boolean(),
  skills: z.array(Skill),
  /** The services their skills let tickets be routed to them for, right now. */
  canServe: z.array(ServedService),
  /** They are in a call now. */
  inCall: z.boolean(),
  createdAt: EpochMs,
  version: RecordVersion,
});
/** A person of the office. */
export type Person = z.infer<typeof Person>;

/** A skill an administrator can give, with what it is. */
export const SkillChoice = z.object({
  skill: Skill,
  kind: z.enum(['service', 'language', 'other']),
  name: z.object({ id: z.string(), en: z.string() }),
});
/** A skill an administrator can give. */
export type SkillChoice = z.infer<typeof SkillChoice>;

/** `POST /api/admin/people` answer: the office's people and every skill that can be given. */
export const PeopleList = z.object({ people: z.array(Person), skills: z.array(SkillChoice) });
/** The office's people and every skill that can be given. */
export type PeopleList = z.infer<typeof PeopleList>;

/** The people list is asked for with an empty body. */
export const PeopleQuery = z.object({});

/** Creates a person with a first password they must change when they first sign in. */
export const CreatePersonBody = z.object({
  username: Username,
  displayName: DisplayName,
  role: Role,
  password: NewPassword,
  skills: z.array(Skill).max(100),
});
/** Creates a person. */
export type CreatePersonBody = z.input<typeof CreatePersonBody>;

/** Changes a person's name, role and skills, from the version the administrator saw. */
export const UpdatePersonBody = z.object({
  id: Id,
  version: RecordVersion,
  displayName: DisplayName,
  role: Role,
  skills: z.array(Skill).max(100),
});
/** Changes a person. */
export type UpdatePersonBody = z.input<typeof UpdatePersonBody>;

/** Deactivates or reactivates a person, from the version the administrator saw. */
export const SetPersonActiveBody = z.object({
  id: Id,
  version: RecordVersion,
  active: z.boolean(),
});
/** Deactivates or reactivates a person. */
export type SetPersonActiveBody = z.input<typeof SetPersonActiveBody>;

/** Gives a person a new password they must change at their next sign-in. */
export const ResetPasswordBody = z.object({
  id: Id,
  version: RecordVersion,
  password: NewPassword,
});
/** Gives a person a new password. */
export type ResetPasswordBody = z.input<typeof ResetPasswordBody>;

/** The changed person, as the list shows them. */
export const PersonAnswer = z.object({ person: Person });
/** The changed person. */
export type PersonAnswer = z.infer<typeof PersonAnswer>;
