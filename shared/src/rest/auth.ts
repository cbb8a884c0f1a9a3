import { z } from 'zod';
import { Transport } from '../domain/call.js';
import { Id } from '../domain/ids.js';
import { Language } from '../domain/language.js';

/** Roles of console users; each role sees only its own routes. */
export const Role = z.enum(['agent', 'manager', 'admin']);
/** A console user's role. */
export type Role = z.infer<typeof Role>;

/** A password an administrator gives or a user chooses. */
export const NewPassword = z.string().min(10, 'password_too_short').max(256, 'password_too_long');

/** `POST /api/auth/login` body. */
export const LoginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
/** `POST /api/auth/login` body. */
export type LoginBody = z.infer<typeof LoginBody>;

/** The signed-in user, from `POST /api/auth/login` and `GET /api/auth/me`. */
export const SessionUser = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  officeId: Id,
  languages: z.array(Language),
  /** How this server's calls carry media; a console shows LiveKit-only tools (watching a call). */
  mediaTransport: Transport.optional(),
  /** An administrator set their password: they choose their own before anything else. */
  mustChangePassword: z.boolean().optional(),
});
/** The signed-in user. */
export type SessionUser = z.infer<typeof SessionUser>;

/** `POST /api/auth/login` and `GET /api/auth/me` answer. */
export const SessionResponse = z.object({ user: SessionUser });
/** `POST /api/auth/login` and `GET /api/auth/me` answer. */
export type SessionResponse = z.infer<typeof SessionResponse>;

/** `POST /api/auth/password` body: the signed-in user replaces their password. */
export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: NewPassword,
});
/** `POST /api/auth/password` body. */
export type ChangePasswordBody = z.input<typeof ChangePasswordBody>;
