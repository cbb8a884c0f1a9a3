import { needsSigningVideo, type OfferView } from '@loket/shared';
import { needsOf, offerView } from '../read-models/views.js';
import type { ServiceRow, TicketRow } from '../store/schema.js';
import type { ServiceContext } from '../context/context.js';
import type { Notifier } from '../context/outbox.js';

/** How long past the offer's own timeout its call is kept for a late accept. */
const KEEP_MARGIN_MS = 5000;

/** What the officer's console needs to connect to the kiosk of a ringing peer-to-peer offer. */
function ringingPeer(
  ctx: ServiceContext,
  ticket: TicketRow,
  agentId: string,
  callId: string,
): NonNullable<OfferView['p2p']> {
  return {
    callId,
    iceServers: ctx.media.iceServersOf({ role: 'agent', id: agentId, name: '' }),
    signLanguage: needsSigningVideo(needsOf(ticket)),
  };
}

/**
 * Makes an offer. Over peer-to-peer it first notes the call the offer may start and tells the
 * kiosk to connect to it, so that ICE and DTLS are done by the accept, which then only has to put
 * camera and microphone on. The kiosk is told the call and its own ICE servers, nothing of the
 * officer. When the call cannot be noted the offer goes out as a plain one.
 */
export async function makeOffer(
  ctx: ServiceContext,
  notifier: Notifier,
  ticket: TicketRow,
  service: ServiceRow,
  agentId: string,
): Promise<void> {
  if (ctx.media.transport !== 'p2p') {
    notifier.offerMade(agentId, offerView(ticket, service, undefined));
    return;
  }
  const callId = ctx.ids();
  const keepMs = ctx.settings.offerTimeoutMs + KEEP_MARGIN_MS;
  const prepared = await ctx.media
    .preparePeers(
      ticket.id,
      {
        callId,
        agentId,
        ...(ticket.offer_expires_at ? { offerExpiresAt: ticket.offer_expires_at } : {}),
      },
      keepMs,
    )
    .catch((err: unknown) => {
      ctx.log.warn({ err, ticketId: ticket.id }, 'the call of a ringing offer was not noted');
      return false;
    });
  if (!prepared) {
    notifier.offerMade(agentId, offerView(ticket, service, undefined));
    return;
  }
  const p2p = ringingPeer(ctx, ticket, agentId, callId);
  notifier.offerMade(agentId, offerView(ticket, service, p2p));
  notifier.callConnecting(ticket.kiosk_id, {
    ticketId: ticket.id,
    callId,
    iceServers: ctx.media.iceServersOf({ role: 'kiosk', id: ticket.kiosk_id, name: '' }),
    signLanguage: p2p.signLanguage,
  });
}

/** The ringing offer's peer-to-peer call again, for a console that reconnected while it rings. */
export async function offerPeers(
  ctx: ServiceContext,
  ticket: TicketRow,
  agentId: string,
): Promise<OfferView['p2p']> {
  const callId = await ctx.media.preparedCallOf(ticket.id, {
    agentId,
    expiresAt: ticket.offer_expires_at,
  });
  return callId !== null && ticket.offered_agent_id === agentId
    ? ringingPeer(ctx, ticket, agentId, callId)
    : undefined;
}
