import type { WebhookEvent } from 'livekit-server-sdk';
import { finishCall } from '../services/call-service.js';
import type { ServiceContext } from '../services/context.js';
import { inTransaction } from '../services/transaction.js';
import { audit } from '../store/repositories/audit.js';
import { findActiveCall } from '../store/repositories/calls.js';
import { clearTimer, setTimer } from '../store/repositories/timers.js';
import { callIdOfRoom, roomOf } from './livekit.js';

/** Webhook events about a call's media that Loket acts on. */
const KEPT = new Set(['participant_joined', 'participant_left', 'room_finished']);

/** The two parties of a call; a manager's hidden monitor neither starts nor stops a call. */
type Party = 'kiosk' | 'agent';

/** Which party a LiveKit identity (`kiosk:<id>`, `agent:<id>`, `monitor:<id>`) belongs to. */
function partyOf(identity: string | undefined): Party | null {
  const role = identity?.split(':', 1)[0];
  return role === 'kiosk' || role === 'agent' ? role : null;
}

/** The media-grace timer's subject: one party of one call. */
export function mediaGraceRef(callId: string, identity: string): string {
  return `${callId}/${identity}`;
}

/** The call and participant a media-grace timer is about; null for anything else. */
export function parseMediaGraceRef(
  ref: string,
): { callId: string; identity: string; party: Party } | null {
  const slash = ref.indexOf('/');
  const identity = ref.slice(slash + 1);
  const party = partyOf(identity);
  return slash > 0 && party ? { callId: ref.slice(0, slash), identity, party } : null;
}

/**
 * Whether the party of a media-grace timer is back in the call's room. Webhooks may arrive out of
 * order (a quick rejoin can be reported before the leave), so the room itself has the last word.
 */
export async function mediaIsBack(ctx: ServiceContext, ref: string): Promise<boolean> {
  const subject = parseMediaGraceRef(ref);
  if (!subject) return false;
  const { callId, identity } = subject;
  return (await ctx.media.livekit?.hasParticipant(roomOf(callId), identity)) ?? false;
}

/**
 * Feeds what LiveKit reports about an active call's room into the queue, and keeps it in the
 * audit log. A party whose media left has the reconnect grace to come back before the call ends
 * (see the `media_grace` timer); coming back cancels it. A room that finished while its call was
 * still on (rooms outlive the grace, so the LiveKit server lost it) cannot carry it any more: the
 * call ends at once and the visitor goes back to the front.
 * Events about other rooms, ended calls or a manager's monitor change nothing else.
 */
export async function handleMediaEvent(ctx: ServiceContext, event: WebhookEvent): Promise<void> {
  if (!KEPT.has(event.event)) return;
  const callId = callIdOfRoom(event.room?.name);
  if (!callId) return;
  const identity = event.participant?.identity;
  const ended = await inTransaction(ctx, async (trx, outbox) => {
    const call = await findActiveCall(trx, callId);
    if (!call) return null;
    ctx.log.info({ callId, event: event.event, participant: identity }, 'media event');
    await audit(trx, {
      id: ctx.ids(),
      at: ctx.clock(),
      office_id: call.office_id,
      actor_type: 'system',
      actor_id: null,
      action: `media.${event.event}`,
      subject_id: call.id,
      details: { participant: identity ?? null },
    });
    const party = partyOf(identity);
    if (event.event === 'participant_left' && party && identity) {
      await setTimer(trx, {
        id: ctx.ids(),
        office_id: call.office_id,
        kind: 'media_grace',
        ref_id: mediaGraceRef(call.id, identity),
        due_at: ctx.clock() + ctx.settings.reconnectGraceMs,
      });
    } else if (event.event === 'participant_joined' && party && identity) {
      await clearTimer(trx, 'media_grace', mediaGraceRef(call.id, identity));
    } else if (event.event === 'room_finished') {
      // An officer still connected keeps working; one who is gone too is taken offline.
      const outcome = (await ctx.presence.agentConnected(call.agent_id))
        ? ({ kind: 'return' } as const)
        : ({ kind: 'requeue' } as const);
      const system = { type: 'system' as const, id: null };
      await finishCall(ctx, trx, outbox, call, outcome, 'connection_lost', system);
      return call.office_id;
    }
    return null;
  });
  if (ended) ctx.requestDispatch(ended);
}
