import { hashToken } from '../auth/tokens.js';
import { audit } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { findSessionUser } from '../store/repositories/sessions.js';

/** The administrator making a change: who, and of which office. */
export interface AdminActor {
  userId: string;
  officeId: string;
}

/**
 * Lets an administrator in; anyone else signed in is refused FORBIDDEN and the attempt is written
 * to their office's audit log (`admin.forbidden`), since reaching for these routes is not an
 * accident the console makes.
 */
export async function admitAdmin(
  ctx: ServiceContext,
  token: string | undefined,
  route: string,
): Promise<AdminActor> {
  const user = token && (await findSessionUser(ctx.db, hashToken(token), ctx.clock()));
  if (!user) throw new LoketError('UNAUTHENTICATED', 'not signed in');
  if (user.role !== 'admin') {
    await audit(ctx, ctx.db, {
      officeId: user.office_id,
      by: { userId: user.id },
      action: 'admin.forbidden',
      subjectId: null,
      details: { route },
    });
    ctx.log.warn({ userId: user.id, route }, 'administration refused to a non-administrator');
    throw new LoketError('FORBIDDEN', 'administrators only');
  }
  if (user.must_change_password === 1) {
    throw new LoketError('FORBIDDEN', 'the password must be changed first');
  }
  return { userId: user.id, officeId: user.office_id };
}
