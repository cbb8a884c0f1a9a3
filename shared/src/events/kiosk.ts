import { z } from 'zod';
import type { AckCallback } from '../ack.js';
import type { CallEnded, CallStart } from '../domain/call.js';
import { CallStart as CallStartSchema } from '../domain/call.js';
import { Id } from '../domain/ids.js';
import { Language } from '../domain/language.js';
import { OfficeView, ServiceView } from '../domain/office.js';
import { TicketView } from '../domain/ticket.js';
import type { CallRef, CallSignal } from './signal.js';

/** How a kiosk proves it is enrolled: its device token, sent in the socket.io handshake. */
export const KioskAuth = z.object({ token: z.string().min(16).max(256) });
/** How a kiosk proves it is enrolled. */
export type KioskAuth = z.infer<typeof KioskAuth>;

/** What a kiosk learns when it (re)connects, including a ticket it already holds. */
export const KioskBootstrap = z.object({
  kioskId: Id,
  office: OfficeView,
  services: z.array(ServiceView),
  ticket: TicketView.nullable(),
  call: CallStartSchema.nullable(),
});
/** What a kiosk learns when it (re)connects. */
export type KioskBootstrap = z.infer<typeof KioskBootstrap>;

/** A visitor takes a ticket. `clientId` makes a retried request idempotent. */
export const CreateTicket = z.object({
  clientId: z.uuid(),
  serviceId: Id,
  language: Language,
});
/** A visitor takes a ticket. */
export type CreateTicket = z.infer<typeof CreateTicket>;

/** A visitor gives up a ticket. */
export const CancelTicket = z.object({ ticketId: Id });
/** A visitor gives up a ticket. */
export type CancelTicket = z.infer<typeof CancelTicket>;

/** A ticket, answered to the kiosk that holds it. */
export const TicketResult = z.object({ ticket: TicketView });
/** A ticket, answered to the kiosk that holds it. */
export type TicketResult = z.infer<typeof TicketResult>;

/** Commands a kiosk sends on `/kiosk`. */
export interface KioskClientToServerEvents {
  'kiosk:bootstrap': (payload: Record<string, never>, ack: AckCallback<KioskBootstrap>) => void;
  'ticket:create': (payload: CreateTicket, ack: AckCallback<TicketResult>) => void;
  'ticket:cancel': (payload: CancelTicket, ack: AckCallback<TicketResult>) => void;
  'call:signal': (payload: CallSignal, ack: AckCallback<null>) => void;
  'call:end': (payload: CallRef, ack: AckCallback<null>) => void;
}

/** Facts the server tells a kiosk on `/kiosk`; a kiosk hears only about its own ticket. */
export interface KioskServerToClientEvents {
  'ticket:updated': (ticket: TicketView) => void;
  'call:started': (call: CallStart) => void;
  'call:signal': (signal: CallSignal) => void;
  'call:ended': (ended: CallEnded) => void;
}
