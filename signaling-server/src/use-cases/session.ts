import {
  KioskAuth,
  Language,
  languageSkill,
  type LoginBody,
  type Role,
  type SessionUser,
  type SocketActor,
} from '@loket/shared';
import { PasswordCheckBusy, verifyPassword } from '../auth/password.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { audit } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import type { SignInGuard } from './sign-in-guard.js';
import { findKioskByCredential } from '../store/repositories/kiosks.js';
import { kioskOfCredential } from '../auth/kiosk-credentials.js';
import { deleteSession, findSessionUser, insertSession } from '../store/repositories/sessions.js';
import { findUserByUsername, listSkills } from '../store/repositories/users.js';
import type { UserRow } from '../store/schema.js';

// Compared against when the username is unknown, so both failures take the same time.
const DUMMY_HASH =
  'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==';

/** The user as the console sees them, with the languages they serve in (from their skills). */
async function sessionUser(ctx: ServiceContext, user: UserRow): Promise<SessionUser> {
  const skills = new Set(await listSkills(ctx.db, user.id));
  return {
    mediaTransport: ctx.media.transport,
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    officeId: user.office_id,
    languages: Language.options.filter((language) => skills.has(languageSkill(language))),
    mustChangePassword: user.must_change_password === 1,
  };
}

/** A new session: the secret token for the cookie (only its hash is stored) and who it is. */
export interface SignedIn {
  token: string;
  user: SessionUser;
}

/** Checks a password, answering "busy, retry shortly" when too many checks are waiting. */
async function passwordMatches(ctx: ServiceContext, password: string, stored: string) {
  try {
    return await verifyPassword(password, stored);
  } catch (error) {
    if (!(error instanceof PasswordCheckBusy)) throw error;
    throw new LoketError(
      'RATE_LIMITED',
      'the server is busy checking passwords',
      ctx.clock() + 5000,
    );
  }
}

/** Where a sign-in comes from, for throttling. */
export interface SignInAttempt {
  guard: SignInGuard;
  address: string;
}

/**
 * Signs a user in with their password; a wrong one is INVALID_CREDENTIALS, whichever part. The
 * guard refuses an address or username that tried too often before any password is checked, and
 * the wrong password that locks a known username is written to its office's audit log.
 */
export async function signIn(
  ctx: ServiceContext,
  input: LoginBody,
  { guard, address }: SignInAttempt,
): Promise<SignedIn> {
  guard.admit(address, input.username, ctx.clock());
  const user = await findUserByUsername(ctx.db, input.username);
  const valid = await passwordMatches(ctx, input.password, user?.password_hash ?? DUMMY_HASH);
  // A deactivated person is told no more than a wrong password would tell a stranger.
  if (!user || !valid || user.deactivated_at !== null) {
    ctx.log.info({ username: input.username, address }, 'sign-in refused');
    if (guard.failed(input.username, ctx.clock())) {
      ctx.log.warn({ username: input.username, address }, 'username locked after wrong passwords');
      if (user) {
        await audit(ctx, ctx.db, {
          officeId: user.office_id,
          by: 'system',
          action: 'user.locked_out',
          subjectId: user.id,
          details: { address },
        });
      }
    }
    throw new LoketError('INVALID_CREDENTIALS', 'wrong username or password');
  }
  guard.succeeded(input.username);
  const token = newToken();
  const now = ctx.clock();
  await insertSession(ctx.db, {
    token_hash: hashToken(token),
    user_id: user.id,
    created_at: now,
    expires_at: now + ctx.settings.sessionTtlMs,
  });
  ctx.log.info({ userId: user.id }, 'signed in');
  return { token, user: await sessionUser(ctx, user) };
}

/** The signed-in user of a session token; UNAUTHENTICATED when there is none or it expired. */
export async function currentUser(
  ctx: ServiceContext,
  token: string | undefined,
): Promise<SessionUser> {
  const user = token && (await findSessionUser(ctx.db, hashToken(token), ctx.clock()));
  if (!user) throw new LoketError('UNAUTHENTICATED', 'not signed in');
  return await sessionUser(ctx, user);
}

/** Ends a session; every socket opened with it is closed at once. */
export async function signOut(ctx: ServiceContext, token: string | undefined): Promise<void> {
  if (!token) return;
  const hash = hashToken(token);
  await deleteSession(ctx.db, hash);
  ctx.notifier.sessionEnded(hash);
}

/** A kiosk let in, and what its connection is to write (see `kioskConnected`). */
export interface KioskAdmission {
  actor: Extract<SocketActor, { kind: 'kiosk' }>;
  /** The hash of its pending credential when that is what it presented, else null. */
  presentedPending: string | null;
}

/**
 * Lets in a kiosk that presents its credential in its socket handshake; refused UNAUTHENTICATED
 * otherwise (unknown, retired or revoked). Presenting the pending credential retires the current
 * one, so a copy of an older credential stops working as soon as the kiosk itself has
 * reconnected: that is written with the rest of what its connection writes (`kioskConnected`),
 * and until then both keep working, as they did before the kiosk connected.
 */
export async function admitKiosk(ctx: ServiceContext, auth: unknown): Promise<KioskAdmission> {
  const parsed = KioskAuth.safeParse(auth);
  if (!parsed.success) throw new LoketError('UNAUTHENTICATED', 'no well-formed device token');
  const { token } = parsed.data;
  const tokenHash = hashToken(token);
  const kiosk = await findKioskByCredential(ctx.db, tokenHash, kioskOfCredential(token));
  if (!kiosk) throw new LoketError('UNAUTHENTICATED', 'unknown device token');
  return {
    actor: { kind: 'kiosk', kioskId: kiosk.id, officeId: kiosk.office_id },
    presentedPending: kiosk.pending ? tokenHash : null,
  };
}

/** The user of a live session whose role is one of `roles`; refused otherwise. */
async function userOfSession(ctx: ServiceContext, sessionHash: string, roles: readonly Role[]) {
  const user = await findSessionUser(ctx.db, sessionHash, ctx.clock());
  if (!user) throw new LoketError('UNAUTHENTICATED', 'no such session, or it expired');
  if (!roles.includes(user.role)) throw new LoketError('FORBIDDEN', 'role not allowed here');
  if (user.must_change_password === 1) {
    throw new LoketError('FORBIDDEN', 'the password must be changed first');
  }
  return user;
}

/** Lets in a socket whose session token names a signed-in user with one of `roles`. */
export async function admitUser(
  ctx: ServiceContext,
  token: string | undefined,
  roles: readonly Role[],
): Promise<SocketActor> {
  if (!token) throw new LoketError('UNAUTHENTICATED', 'no session cookie');
  const sessionHash = hashToken(token);
  const user = await userOfSession(ctx, sessionHash, roles);
  return { kind: 'user', userId: user.id, officeId: user.office_id, role: user.role, sessionHash };
}

/**
 * Re-checks an admitted user before each command: a signed-out or expired session, or a changed
 * role, is refused at once rather than at the socket's next reconnect.
 */
export async function recheckUser(
  ctx: ServiceContext,
  actor: SocketActor,
  roles: readonly Role[],
): Promise<void> {
  if (actor.kind !== 'user') throw new LoketError('FORBIDDEN', 'users only');
  await userOfSession(ctx, actor.sessionHash, roles);
}
