import type { WebhookEvent } from 'livekit-server-sdk';
import { audit } from '../store/repositories/audit.js';
import { findActiveCall } from '../store/repositories/calls.js';
import type { ServiceContext } from '../services/context.js';
import { callIdOfRoom } from './livekit.js';

/** Webhook events about a call's media that Loket keeps. */
const KEPT = new Set(['participant_joined', 'participant_left', 'room_finished']);

/**
 * Records what LiveKit reports about an active call's room (who joined or left, and when) in the
 * audit log; events about other rooms or ended calls are ignored.
 */
export async function recordMediaEvent(ctx: ServiceContext, event: WebhookEvent): Promise<void> {
  if (!KEPT.has(event.event)) return;
  const callId = callIdOfRoom(event.room?.name);
  const call = callId ? await findActiveCall(ctx.db, callId) : undefined;
  if (!call) return;
  await audit(ctx.db, {
    id: ctx.ids(),
    at: ctx.clock(),
    office_id: call.office_id,
    actor_type: 'system',
    actor_id: null,
    action: `media.${event.event}`,
    subject_id: call.id,
    details: { participant: event.participant?.identity ?? null },
  });
}
