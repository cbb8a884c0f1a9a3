import { needsSigningVideo } from '@loket/shared';
import { needsOf } from '../read-models/views.js';
import { kioskParticipant } from './kiosk-media.js';
import { findUser } from '../store/repositories/users.js';
import type { TicketRow } from '../store/schema.js';
import type { ServiceContext } from '../context/context.js';
import type { Notifier } from '../context/outbox.js';

/** How long past the offer's own timeout its room is kept for a late accept. */
const KEEP_MARGIN_MS = 5000;

/**
 * While an offer rings over LiveKit: opens the room of the call it may start and tells the
 * officer and the kiosk where to join it, so that the accept only has to publish. Nothing is
 * published before the accept. A failure here costs only speed: the accept opens a room itself.
 */
export async function prepareOfferRoom(
  ctx: ServiceContext,
  notifier: Notifier,
  ticket: TicketRow,
  agentId: string,
): Promise<void> {
  if (ctx.media.transport !== 'livekit') return;
  try {
    const agent = await findUser(ctx.db, agentId);
    const callId = ctx.ids();
    const tokens = await ctx.media.prepareRoom(
      callId,
      ticket.id,
      {
        kiosk: await kioskParticipant(ctx.db, ticket.kiosk_id, ticket.number),
        agent: { role: 'agent', id: agentId, name: agent?.display_name ?? '' },
      },
      ctx.settings.offerTimeoutMs + KEEP_MARGIN_MS,
    );
    if (!tokens) return;
    const signLanguage = needsSigningVideo(needsOf(ticket));
    const room = { ticketId: ticket.id, callId, signLanguage };
    notifier.offerRoom(agentId, { ...room, livekit: tokens.agent });
    notifier.callPreparing(ticket.kiosk_id, { ...room, livekit: tokens.kiosk });
  } catch (err) {
    ctx.log.warn({ err, ticketId: ticket.id }, 'the room of a ringing offer could not be prepared');
  }
}
