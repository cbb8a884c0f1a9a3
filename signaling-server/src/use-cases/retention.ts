import type { ErasedData, HeldData } from '@loket/shared';
import { audit } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { inTransaction } from '../context/transaction.js';
import { eraseCallbackPhones, findCallbacksByPhone } from '../store/repositories/callbacks.js';

/** A signed-in user of an office, with their role. */
interface OfficeUser {
  userId: string;
  officeId: string;
  role: string;
}

function requireAdmin(user: OfficeUser): void {
  if (user.role !== 'admin') {
    throw new LoketError('FORBIDDEN', 'only an administrator handles personal-data requests');
  }
}

/** The call-back requests of the administrator's office that hold this number. */
export async function findHeldData(
  ctx: ServiceContext,
  admin: OfficeUser,
  phone: string,
): Promise<HeldData> {
  requireAdmin(admin);
  const rows = await findCallbacksByPhone(ctx.db, admin.officeId, phone);
  return {
    callbacks: rows.map((row) => ({
      id: row.id,
      serviceId: row.service_id,
      createdAt: row.created_at,
      status: row.status,
      erasedAt: row.erased_at,
    })),
  };
}

/**
 * Erases one person's number from every call-back request of the office, at their request; the
 * audit log records who did it and which requests, never the number.
 */
export async function eraseHeldData(
  ctx: ServiceContext,
  admin: OfficeUser,
  phone: string,
): Promise<ErasedData> {
  requireAdmin(admin);
  return inTransaction(ctx, async (trx, outbox) => {
    const ids = (await findCallbacksByPhone(trx, admin.officeId, phone)).map((row) => row.id);
    const erased = await eraseCallbackPhones(trx, ids, ctx.clock());
    if (erased > 0) {
      await audit(ctx, trx, {
        officeId: admin.officeId,
        by: admin,
        action: 'personal_data.erased',
        subjectId: null,
        details: { callbackIds: ids },
      });
      outbox.figuresChanged(admin.officeId);
    }
    return { erased };
  });
}
