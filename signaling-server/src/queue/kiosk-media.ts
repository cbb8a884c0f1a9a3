import { audit } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { identityOf, mediaGraceRef } from '../media/identity.js';
import { roomOf } from '../media/livekit.js';
import type { MediaParticipant } from '../media/provider.js';
import type { Db } from '../store/database.js';
import { findActiveCallOf } from '../store/repositories/calls.js';
import {
  advanceKioskMediaGeneration,
  findKioskMediaGeneration,
} from '../store/repositories/kiosks.js';
import { findActiveTicketForKiosk } from '../store/repositories/tickets.js';
import { setTimer } from '../store/repositories/timers.js';

/** A kiosk as it takes part in a call's media now: its current media generation included. */
export async function kioskParticipant(
  db: Db,
  kioskId: string,
  name: string,
): Promise<MediaParticipant> {
  const generation = await findKioskMediaGeneration(db, kioskId);
  return { role: 'kiosk', id: kioskId, name, generation };
}

/**
 * Puts out of a kiosk's call (and of the room prepared for its ringing offer) everyone who joined
 * as the kiosk under an earlier media generation: the holder the kiosk was taken from may keep a
 * join token until it expires, and must not see or hear the visitor's officer with it. Each one
 * removed is audited. Says how many were removed.
 */
export async function removeStaleKioskMedia(
  ctx: ServiceContext,
  kioskId: string,
  callIds: string[] = [],
): Promise<number> {
  if (ctx.media.transport !== 'livekit') return 0;
  const generation = await findKioskMediaGeneration(ctx.db, kioskId);
  const ticket = await findActiveTicketForKiosk(ctx.db, kioskId);
  const call = await findActiveCallOf(ctx.db, { kioskId });
  const prepared = ticket ? await ctx.media.preparedCallOf(ticket.id) : null;
  const rooms = new Set([...callIds, ...(call ? [call.id] : []), ...(prepared ? [prepared] : [])]);
  let removed = 0;
  for (const callId of rooms) {
    const count = await ctx.media.removeStaleKiosk(callId, kioskId, generation);
    if (count === 0 || !ticket) continue;
    removed += count;
    await audit(ctx, ctx.db, {
      officeId: ticket.office_id,
      by: 'system',
      action: 'media.stale_kiosk_removed',
      subjectId: callId,
      details: { kioskId, generation, removed: count },
    });
  }
  return removed;
}

/**
 * Another holder has taken the kiosk over (a newer connection replaced a live one): the kiosk's
 * media identity moves on, the earlier holder is put out of its rooms, and a call in progress
 * gives the new holder the reconnect grace to join its media under the new identity.
 */
export async function kioskTakenOver(ctx: ServiceContext, kioskId: string): Promise<void> {
  await advanceKioskMediaGeneration(ctx.db, kioskId);
  await removeStaleKioskMedia(ctx, kioskId);
  const call = await findActiveCallOf(ctx.db, { kioskId });
  if (!call || call.transport !== 'livekit') return;
  const identity = identityOf(await kioskParticipant(ctx.db, kioskId, ''));
  if (await ctx.media.livekit?.hasParticipant(roomOf(call.id), identity)) return;
  await setTimer(ctx.db, {
    id: ctx.ids(),
    office_id: call.office_id,
    kind: 'media_grace',
    ref_id: mediaGraceRef(call.id, identity),
    due_at: ctx.clock() + ctx.settings.reconnectGraceMs,
  });
}
