import { z } from 'zod';
import { IndonesianPhone } from '../domain/phone.js';
import {
  command,
  defineContract,
  NoData,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '../contract/define.js';
import { CallEnded, CallStart, PreparedPeer, PreparedRoom } from '../domain/call.js';
import {
  Caption,
  CaptionCallRef,
  CaptionSources,
  CaptionStatus,
  ReportCaptionTrouble,
  SendCaption,
  SendSpeech,
} from '../domain/captions.js';
import {
  ChatHistory,
  ChatMessage,
  ChatReceipt,
  ChatRef,
  ChatTyping,
  ReadChat,
  SendChat,
} from '../domain/chat.js';
import { LinkEarlierTicket } from '../domain/earlier-visits.js';
import { Id } from '../domain/ids.js';
import { KioskHealthReport } from '../domain/kiosk-health.js';
import { Language } from '../domain/language.js';
import { OfficeView, ServiceView } from '../domain/office.js';
import { Need, Needs } from '../domain/needs.js';
import { SubmitSurvey } from '../domain/survey.js';
import { TicketView } from '../domain/ticket.js';
import { Empty } from './empty.js';
import { CallRef, CallSignal } from './signal.js';
import { KioskCredential } from '../rest/kiosk-pairing.js';

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
  call: CallStart.nullable(),
  /** False while a manager has the kiosk out of service: it shows that it is closed. */
  inService: z.boolean(),
  /**
   * Calls may be captioned by the browser's speech recognition, which sends the visitor's audio
   * out of the office: the consent says so.
   */
  speechLeavesOffice: z.boolean(),
  /**
   * The credential to present next time, handed over on every connection; the one just used stops
   * working once it is. Null when none could be stored: the one just used keeps working.
   */
  credential: KioskCredential.shape.credential.nullable(),
});
/** What a kiosk learns when it (re)connects. */
export type KioskBootstrap = z.infer<typeof KioskBootstrap>;

/** A visitor takes a ticket. `clientId` makes a retried request idempotent. */
export const CreateTicket = z.object({
  clientId: z.uuid(),
  serviceId: Id,
  language: Language,
  /** What the visitor declared (sign language, priority service…); each at most once. */
  needs: Needs.default([]),
});
/** A visitor takes a ticket (fields with defaults may be left out). */
export type CreateTicket = z.input<typeof CreateTicket>;

/** Whether a service can take a ticket now, asked before the visitor commits to it. */
export const AvailabilityQuery = z.object({
  serviceId: Id,
  language: Language,
  needs: Needs.default([]),
});
/** Whether a service can take a ticket now. */
export type AvailabilityQuery = z.input<typeof AvailabilityQuery>;

/** The answer: open and staffed, or why not and when to come back. */
export const Availability = z.object({
  available: z.boolean(),
  reason: z.enum(['outside_hours', 'no_agent']).nullable(),
  /** Next opening when outside hours, epoch ms. */
  nextOpening: z.number().int().nullable(),
  /**
   * The needs that decide who may serve (sign language…) for which an officer who can is signed in
   * now, whatever the service.
   */
  onDuty: z.array(Need),
});
/** Whether a service can take a ticket now. */
export type Availability = z.infer<typeof Availability>;

/** A visitor asks to be called back instead of waiting. */
export const RequestCallback = z.object({
  clientId: z.uuid(),
  serviceId: Id,
  language: Language,
  phone: IndonesianPhone,
  /** The visitor agreed that the number is stored to call them back. */
  consent: z.literal(true),
});
/** A visitor asks to be called back. */
export type RequestCallback = z.input<typeof RequestCallback>;

/** A stored call-back request, as the kiosk confirms it. */
export const CallbackResult = z.object({ callbackId: Id, phone: z.string() });
/** A stored call-back request. */
export type CallbackResult = z.infer<typeof CallbackResult>;

/** A visitor gives up a ticket. */
export const CancelTicket = z.object({ ticketId: Id });
/** A visitor gives up a ticket. */
export type CancelTicket = z.infer<typeof CancelTicket>;

/** A ticket, answered to the kiosk that holds it. */
export const TicketResult = z.object({ ticket: TicketView });
/** A ticket, answered to the kiosk that holds it. */
export type TicketResult = z.infer<typeof TicketResult>;

/** A desk manager's message shown on every kiosk of the office. */
export const OfficeMessage = z.object({
  text: z.object({ id: z.string(), en: z.string() }),
  at: z.number().int(),
});
/** A desk manager's message shown on every kiosk. */
export type OfficeMessage = z.infer<typeof OfficeMessage>;

/** The office and its live services as an administrator just changed them. */
export const OfficeCatalogue = z.object({ office: OfficeView, services: z.array(ServiceView) });
/** The office and its live services as an administrator just changed them. */
export type OfficeCatalogue = z.infer<typeof OfficeCatalogue>;

/** A manager took the kiosk out of service, or put it back. */
export const KioskService = z.object({ inService: z.boolean() });
/** A manager took the kiosk out of service, or put it back. */
export type KioskService = z.infer<typeof KioskService>;

/** The `/kiosk` namespace: every command a kiosk sends and every fact it is told. */
export const kioskContract = defineContract({
  commands: {
    'kiosk:bootstrap': command(Empty, KioskBootstrap),
    'service:availability': command(AvailabilityQuery, Availability),
    'ticket:create': command(CreateTicket, TicketResult),
    /**
     * The waiting visitor links their earlier ticket of today at this kiosk by its number; a wrong
     * number is only NOT_FOUND, and after a few tries RATE_LIMITED.
     */
    'ticket:linkEarlier': command(LinkEarlierTicket, NoData),
    'callback:request': command(RequestCallback, CallbackResult),
    'ticket:cancel': command(CancelTicket, TicketResult),
    'call:signal': command(CallSignal, NoData),
    'call:end': command(CallRef, NoData),
    /** Every `KIOSK_HEARTBEAT_MS` while connected: version, device checks, network. */
    'kiosk:heartbeat': command(KioskHealthReport, NoData),
    /** The visitor's SKM answers after a served visit; once per visit. */
    'survey:submit': command(SubmitSurvey, NoData),
    /** The visitor writes to the officer once their ticket is offered, and during the call. */
    'chat:send': command(SendChat, ChatMessage),
    'chat:history': command(ChatRef, ChatHistory),
    /** The kiosk showed the officer's messages. */
    'chat:read': command(ReadChat, NoData),
    'chat:typing': command(ChatTyping, NoData),

    /** A line of captions of this side's speech, or the officer's typed line; shown, never stored. */
    'caption:send': command(SendCaption, NoData),
    /** The caption providers the office offers for the call. */
    'caption:sources': command(CaptionCallRef, CaptionSources),
    /** This side's captions from a provider stopped; both sides are told. */
    'caption:trouble': command(ReportCaptionTrouble, NoData),
    /** A piece of this side's speech for the office's recogniser; heard, never stored. */
    'caption:audio': command(SendSpeech, NoData),
  },
  /**
   * A kiosk hears only about its own ticket and call, the office's messages, and what a manager
   * asks of it.
   */
  events: {
    'ticket:updated': TicketView,
    'call:started': CallStart,
    /** The room of the call an officer is being offered this kiosk's ticket for (LiveKit). */
    'call:preparing': PreparedRoom,
    /** The peer-to-peer connection of the call an officer is being offered this kiosk's ticket for. */
    'call:connecting': PreparedPeer,
    'call:signal': CallSignal,
    'call:ended': CallEnded,
    /** A desk manager's message for everyone at the office's kiosks. */
    'office:message': OfficeMessage,
    /** This kiosk was opened on another screen, which now holds the connection. */
    'kiosk:replaced': Empty,
    /** A manager asks the kiosk to reload its app (once no visitor is using it). */
    'kiosk:reload': Empty,
    /** A manager asks the kiosk to check its devices now and report. */
    'kiosk:selfTest': Empty,
    'kiosk:service': KioskService,
    /** An administrator changed the office or its services: shown at once, without a reload. */
    'office:changed': OfficeCatalogue,
    /** A message of the conversation about the kiosk's ticket, the kiosk's own included. */
    'chat:message': ChatMessage,
    /** The officer read the visitor's messages. */
    'chat:read': ChatReceipt,
    'chat:typing': ChatTyping,
    /** A caption of the call, this side's own included. */
    caption: Caption,
    /** Captions of one side's speech from a provider are unavailable; the call goes on. */
    'caption:status': CaptionStatus,
  },
});

/** Commands a kiosk sends on `/kiosk`, as socket.io types them. */
export type KioskClientToServerEvents = ClientToServerEvents<typeof kioskContract>;

/** Facts the server tells a kiosk on `/kiosk`, as socket.io types them. */
export type KioskServerToClientEvents = ServerToClientEvents<typeof kioskContract>;
