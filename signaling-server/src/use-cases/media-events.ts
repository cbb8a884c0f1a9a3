import type { WebhookEvent } from 'livekit-server-sdk';
import { audit } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { inTransaction } from '../context/transaction.js';
import { kioskOfIdentity, mediaGraceRef, partyOf } from '../media/identity.js';
import { callIdOfRoom } from '../media/livekit.js';
import { finishCall } from '../queue/call-outcome.js';
import { removeStaleKioskMedia } from '../queue/kiosk-media.js';
import { findActiveCall } from '../store/repositories/calls.js';
import { findKioskMediaGeneration } from '../store/repositories/kiosks.js';
import { clearTimer, setTimer } from '../store/repositories/timers.js';

/** Webhook events about a call's media that Loket acts on. */
const KEPT = new Set(['participant_joined', 'participant_left', 'room_finished']);

/**
 * Feeds what LiveKit reports about an active call's room into the queue, and keeps it in the
 * audit log. A party whose media left has the reconnect grace to come back before the call ends
 * (see the `media_grace` timer); coming back cancels it. A room that finished while its call was
 * still on (rooms outlive the grace, so the LiveKit server lost it) cannot carry it any more: the
 * call ends at once and the visitor goes back to the front.
 * Someone joining as a kiosk under an earlier media generation (a holder the kiosk was taken
 * from, replaying the token it kept) is put out at once, and neither their joining nor their
 * leaving counts as the kiosk's.
 * Events about other rooms, ended calls or a manager's monitor change nothing else.
 */
async function handleMediaEvent(ctx: ServiceContext, event: WebhookEvent): Promise<void> {
  if (!KEPT.has(event.event)) return;
  const callId = callIdOfRoom(event.room?.name);
  if (!callId) return;
  const identity = event.participant?.identity;
  const kiosk = kioskOfIdentity(identity);
  if (kiosk && (await findKioskMediaGeneration(ctx.db, kiosk.kioskId)) !== kiosk.generation) {
    if (event.event === 'participant_joined') {
      await removeStaleKioskMedia(ctx, kiosk.kioskId, [callId]);
    }
    return;
  }
  await inTransaction(ctx, async (trx, outbox) => {
    const call = await findActiveCall(trx, callId);
    if (!call) return;
    ctx.log.info({ callId, event: event.event, participant: identity }, 'media event');
    await audit(ctx, trx, {
      officeId: call.office_id,
      by: 'system',
      action: `media.${event.event}`,
      subjectId: call.id,
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
      await finishCall(ctx, trx, outbox, call, outcome, 'connection_lost', 'system');
    }
  });
}

/**
 * A webhook from the LiveKit server: its signature is checked over the raw body before anything
 * is read from it (a forged or altered one is refused UNAUTHENTICATED and changes nothing), then
 * what it reports is fed into the queue. NOT_FOUND while calls do not use LiveKit.
 */
export async function receiveMediaWebhook(
  ctx: ServiceContext,
  rawBody: string,
  authorization: string | undefined,
): Promise<void> {
  const livekit = ctx.media.livekit;
  if (!livekit) throw new LoketError('NOT_FOUND', 'LiveKit is not in use');
  let event: WebhookEvent;
  try {
    event = await livekit.receiveWebhook(rawBody, authorization);
  } catch (err) {
    ctx.log.warn({ err }, 'LiveKit webhook refused');
    throw new LoketError('UNAUTHENTICATED', 'bad signature');
  }
  await handleMediaEvent(ctx, event);
}
