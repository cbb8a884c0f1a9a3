import type { ErasedData, HeldData } from '@loket/shared';
import { callbackNumberDue, retentionOf } from '../core/retention.js';
import { audit } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { inTransaction } from '../context/transaction.js';
import {
  eraseCallbackPhones,
  findCallbacksByPhone,
  listKeptClosedCallbacks,
} from '../store/repositories/callbacks.js';
import { listOffices } from '../store/repositories/offices.js';

/** A signed-in user of an office, with their role. */
interface OfficeUser {
  userId: string;
  officeId: string;
  role: string;
}

/**
 * The retention job: in every office, erases the call-back numbers whose period has passed and
 * writes what it erased (how many, which requests — never the numbers) to the audit log. Returns
 * how many numbers it erased in all.
 */
export async function applyRetention(ctx: ServiceContext): Promise<number> {
  let erased = 0;
  for (const office of await listOffices(ctx.db)) {
    const { callbackDays } = retentionOf(office);
    erased += await inTransaction(ctx, async (trx) => {
      const now = ctx.clock();
      const due = (await listKeptClosedCallbacks(trx, office.id))
        .filter((callback) => callbackNumberDue(callback, callbackDays, now))
        .map((callback) => callback.id);
      const count = await eraseCallbackPhones(trx, due, now);
      if (count > 0) {
        await audit(ctx, trx, {
          officeId: office.id,
          by: 'system',
          action: 'retention.applied',
          subjectId: null,
          details: { callbackNumbersErased: count, callbackIds: due },
        });
      }
      return count;
    });
  }
  if (erased > 0) ctx.log.info({ erased }, 'retention: call-back numbers erased');
  return erased;
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
