import type { CallbackList, CloseCallback } from '@loket/shared';
import { audit } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { inTransaction } from '../context/transaction.js';
import { closeCallback, findCallback, listOpenCallbacks } from '../store/repositories/callbacks.js';

/** An agent of an office. */
interface OfficeUser {
  userId: string;
  officeId: string;
}

/** The open call-back requests of the agent's office, oldest first. */
export async function listCallbacks(ctx: ServiceContext, agent: OfficeUser): Promise<CallbackList> {
  const rows = await listOpenCallbacks(ctx.db, agent.officeId);
  return {
    callbacks: rows.map((row) => ({
      id: row.id,
      serviceId: row.service_id,
      language: row.language,
      phone: row.phone,
      createdAt: row.created_at,
    })),
  };
}

/** An agent closes a call-back of their office with its outcome; closing twice is refused. */
export async function closeCallbackRequest(
  ctx: ServiceContext,
  agent: OfficeUser,
  input: CloseCallback,
): Promise<null> {
  await inTransaction(ctx, async (trx, outbox) => {
    const row = await findCallback(trx, input.callbackId);
    if (!row || row.office_id !== agent.officeId)
      throw new LoketError('NOT_FOUND', 'no such call-back here');
    const now = ctx.clock();
    if (
      !(await closeCallback(trx, row.id, {
        closedAt: now,
        closedBy: agent.userId,
        outcome: input.outcome,
      }))
    ) {
      throw new LoketError('INVALID_STATE', 'this call-back is already closed');
    }
    await audit(ctx, trx, {
      officeId: agent.officeId,
      by: agent,
      action: 'callback.closed',
      subjectId: row.id,
      details: { outcome: input.outcome },
    });
    outbox.figuresChanged(agent.officeId);
  });
  return null;
}
