import { findActiveCall } from '../store/repositories/calls.js';
import type { ServiceContext } from '../services/context.js';
import { LoketError } from '../services/errors.js';

/** A manager who wants to watch a call. */
export interface MonitorActor {
  userId: string;
  officeId: string;
  displayName: string;
}

/**
 * A token that lets a manager watch an active call of their own office, hidden and unable to
 * publish. Refused for a call elsewhere or already over, and when calls are peer-to-peer.
 */
export async function monitorCall(
  ctx: ServiceContext,
  manager: MonitorActor,
  callId: string,
): Promise<{ url: string; token: string }> {
  const call = await findActiveCall(ctx.db, callId);
  if (!call || call.office_id !== manager.officeId) {
    throw new LoketError('NOT_IN_CALL', 'no such call in your office');
  }
  if (!ctx.media.livekit) {
    throw new LoketError('INVALID_STATE', 'calls can be watched only when they use LiveKit');
  }
  const join = await ctx.media.join(call.id, {
    role: 'monitor',
    id: manager.userId,
    name: manager.displayName,
  });
  if (!join.livekit) throw new LoketError('INTERNAL', 'no LiveKit token was made');
  return join.livekit;
}
