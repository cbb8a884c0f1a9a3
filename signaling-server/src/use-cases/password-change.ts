import type { ChangePasswordBody, SessionUser } from '@loket/shared';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { audit } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { inTransaction } from '../context/transaction.js';
import { findUser } from '../store/repositories/users.js';
import { currentUser } from './session.js';

/**
 * The signed-in user replaces their password, proving the one they have; this lifts the change
 * an administrator's reset asked for. Their session stays signed in.
 */
export async function changeOwnPassword(
  ctx: ServiceContext,
  token: string | undefined,
  body: ChangePasswordBody,
): Promise<{ user: SessionUser }> {
  const me = await currentUser(ctx, token);
  const user = await findUser(ctx.db, me.id);
  if (!user || !(await verifyPassword(body.currentPassword, user.password_hash))) {
    throw new LoketError('INVALID_CREDENTIALS', 'the current password is wrong');
  }
  if (body.currentPassword === body.newPassword) {
    throw new LoketError('BAD_REQUEST', 'the new password must differ from the current one');
  }
  const hash = await hashPassword(body.newPassword);
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('users')
      .set((eb) => ({
        password_hash: hash,
        must_change_password: 0,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', user.id)
      .execute();
    await audit(ctx, trx, {
      officeId: user.office_id,
      by: { userId: user.id },
      action: 'user.password_changed',
      subjectId: user.id,
    });
  });
  return { user: await currentUser(ctx, token) };
}
