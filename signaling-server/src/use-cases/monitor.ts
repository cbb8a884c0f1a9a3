import type { MonitorGrant } from '@loket/shared';
import { audit } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { identityOf } from '../media/identity.js';
import { kioskParticipant } from '../queue/kiosk-media.js';
import { findActiveCall, findActiveCallOfTicket } from '../store/repositories/calls.js';
import { findTicket } from '../store/repositories/tickets.js';
import { findUser } from '../store/repositories/users.js';

/** A manager who wants to watch a call. */
export interface MonitorActor {
  userId: string;
  officeId: string;
}

/**
 * A token that lets a manager watch an active call of their own office, hidden and unable to
 * publish. Refused for a call elsewhere or already over, and when calls are peer-to-peer. Nobody
 * in the call can see the manager, so every token given is kept in the audit log.
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
    throw new LoketError(
      'MONITOR_NEEDS_LIVEKIT',
      'calls can be watched only when they use LiveKit',
    );
  }
  const user = await findUser(ctx.db, manager.userId);
  const join = await ctx.media.join(call.id, {
    role: 'monitor',
    id: manager.userId,
    name: user?.display_name ?? '',
  });
  if (!join.livekit) throw new LoketError('INTERNAL', 'no LiveKit token was made');
  await audit(ctx, ctx.db, {
    officeId: call.office_id,
    by: manager,
    action: 'call.monitored',
    subjectId: call.id,
    details: { ticketId: call.ticket_id },
  });
  return join.livekit;
}

/**
 * Watching the call a ticket is in, as the manager's live queue knows tickets, not calls: the
 * token of {@link monitorCall} and who is who in the room.
 */
export async function monitorTicketCall(
  ctx: ServiceContext,
  manager: MonitorActor,
  ticketId: string,
): Promise<MonitorGrant> {
  const call = await findActiveCallOfTicket(ctx.db, ticketId);
  if (!call || call.office_id !== manager.officeId) {
    throw new LoketError('NOT_IN_CALL', 'this ticket is in no call of your office');
  }
  const grant = await monitorCall(ctx, manager, call.id);
  const [ticket, agent] = await Promise.all([
    findTicket(ctx.db, call.ticket_id),
    findUser(ctx.db, call.agent_id),
  ]);
  return {
    ...grant,
    visitor: {
      identity: identityOf(await kioskParticipant(ctx.db, call.kiosk_id, '')),
      label: ticket?.number ?? '',
    },
    officer: {
      identity: identityOf({ role: 'agent', id: call.agent_id }),
      label: agent?.display_name ?? '',
    },
  };
}
