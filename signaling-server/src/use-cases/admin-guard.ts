import { Role, type SocketActor } from '@loket/shared';
import { audit } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { admitUser } from './session.js';

/** A signed-in administrator, as the admin use cases act for them. */
export interface AdminActor {
  userId: string;
  officeId: string;
}

/**
 * Lets in the signed-in administrator of an admin route. Any other signed-in user is refused
 * FORBIDDEN, and the attempt is written to their office's audit log, since nobody but an
 * administrator has a reason to call these routes.
 */
export async function admitAdmin(
  ctx: ServiceContext,
  token: string | undefined,
  what: string,
): Promise<AdminActor> {
  const actor: SocketActor = await admitUser(ctx, token, Role.options);
  if (actor.kind !== 'user') throw new LoketError('FORBIDDEN', 'users only');
  if (actor.role !== 'admin') {
    await audit(ctx, ctx.db, {
      officeId: actor.officeId,
      by: { userId: actor.userId },
      action: 'admin.forbidden',
      subjectId: null,
      details: { route: what },
    });
    throw new LoketError('FORBIDDEN', 'administrators only');
  }
  return { userId: actor.userId, officeId: actor.officeId };
}
