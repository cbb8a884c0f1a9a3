import { z } from 'zod';
import {
  command,
  defineContract,
  NoData,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '../contract/define.js';
import { AgentView, OfferView, SelfAgentStatus } from '../domain/agent.js';
import { CallEnded, CallStart, PreparedRoom } from '../domain/call.js';
import {
  Caption,
  CaptionCallRef,
  CaptionSources,
  CaptionStatus,
  ReportCaptionTrouble,
  SendCaption,
  SendSpeech,
} from '../domain/captions.js';
import { CallRecord, Disposition } from '../domain/dispositions.js';
import {
  ChatHistory,
  ChatMessage,
  ChatReceipt,
  ChatRef,
  ChatTyping,
  QuickReplies,
  ReadChat,
  SendChat,
} from '../domain/chat.js';
import { EarlierVisits } from '../domain/earlier-visits.js';
import { Id } from '../domain/ids.js';
import { ServiceView } from '../domain/office.js';
import { SkillChoice } from '../rest/admin/people.js';
import { VisitorNote } from '../rest/summary.js';
import { Empty } from './empty.js';
import { OfficeCatalogue } from './kiosk.js';
import { CallRef, CallSignal } from './signal.js';

/** What an agent's console learns when it (re)connects. */
export const AgentBootstrap = z.object({
  agent: AgentView,
  offer: OfferView.nullable(),
  call: CallStart.nullable(),
  /** The services of the agent's office, e.g. to transfer a call to another one. */
  services: z.array(ServiceView),
  /**
   * The visit the agent is wrapping up, so that a console reloaded in wrap-up can still write
   * its note to the visitor; null otherwise.
   */
  lastServed: z
    .object({
      ticketId: Id,
      ticketNumber: z.string(),
      /** What the officer kept with the call so far, to finish at wrap-up. */
      notes: z.string().nullable(),
      disposition: z.string().nullable(),
    })
    .nullable(),
  /** The outcomes the office lets its officers pick at wrap-up. */
  dispositions: z.array(Disposition),
});
/** What an agent's console learns when it (re)connects. */
export type AgentBootstrap = z.infer<typeof AgentBootstrap>;

/** The officer's own skills (services, languages, sign language, the office's own), named. */
export const AgentSkills = z.object({ skills: z.array(SkillChoice) });
/** The officer's own skills, named. */
export type AgentSkills = z.infer<typeof AgentSkills>;

/** An agent goes available or away. */
export const SetAgentStatus = z.object({ status: SelfAgentStatus });
/** An agent goes available or away. */
export type SetAgentStatus = z.infer<typeof SetAgentStatus>;

/** Names the offered ticket an agent answers. */
export const OfferRef = z.object({ ticketId: Id });
/** Names the offered ticket an agent answers. */
export type OfferRef = z.infer<typeof OfferRef>;

/** An agent accepts an offer. */
export const AcceptOffer = OfferRef;
/** An agent accepts an offer. */
export type AcceptOffer = z.infer<typeof AcceptOffer>;

/** Why an offer left an agent's screen without an answer. */
export const OfferWithdrawn = z.object({
  ticketId: Id,
  reason: z.enum(['expired', 'cancelled']),
});
/** Why an offer left an agent's screen without an answer. */
export type OfferWithdrawn = z.infer<typeof OfferWithdrawn>;

/** An agent's state, answered to the agent. */
export const AgentResult = z.object({ agent: AgentView });
/** An agent's state, answered to the agent. */
export type AgentResult = z.infer<typeof AgentResult>;

/** An accepted offer: the call to join. */
export const AcceptResult = z.object({ call: CallStart });
/** An accepted offer: the call to join. */
export type AcceptResult = z.infer<typeof AcceptResult>;

/** An agent moves the visitor of a call to another service and/or a named officer. */
export const TransferCall = z
  .object({ callId: Id, serviceId: Id.optional(), agentId: Id.optional() })
  .refine((t) => t.serviceId !== undefined || t.agentId !== undefined, 'a service or an agent');
/** An agent moves the visitor of a call elsewhere. */
export type TransferCall = z.infer<typeof TransferCall>;

/** An open call-back request, as agents work it. */
export const CallbackView = z.object({
  id: Id,
  serviceId: Id,
  language: z.enum(['id', 'en']),
  phone: z.string(),
  createdAt: z.number().int(),
});
/** An open call-back request. */
export type CallbackView = z.infer<typeof CallbackView>;

/** The open call-backs of the agent's office, oldest first. */
export const CallbackList = z.object({ callbacks: z.array(CallbackView) });
/** The open call-backs of the agent's office. */
export type CallbackList = z.infer<typeof CallbackList>;

/** An agent closes a call-back with what came of it. */
export const CloseCallback = z.object({
  callbackId: Id,
  outcome: z.enum(['reached', 'no_answer', 'wrong_number']),
});
/** An agent closes a call-back. */
export type CloseCallback = z.infer<typeof CloseCallback>;

/** The `/agent` namespace: every command an officer's console sends and every fact it is told. */
export const agentContract = defineContract({
  commands: {
    'agent:bootstrap': command(Empty, AgentBootstrap),
    'agent:setStatus': command(SetAgentStatus, AgentResult),
    /** The officer's own skills, shown beside their status. */
    'agent:skills': command(Empty, AgentSkills),
    'offer:accept': command(AcceptOffer, AcceptResult),
    'offer:decline': command(OfferRef, AgentResult),
    'call:signal': command(CallSignal, NoData),
    'call:end': command(CallRef, NoData),
    'call:transfer': command(TransferCall, NoData),
    'callback:list': command(Empty, CallbackList),
    'callback:close': command(CloseCallback, NoData),
    /** The officer leaves the visitor of a call they served a note, shown in the visit's summary. */
    'visit:note': command(VisitorNote, NoData),
    /**
     * The officer keeps notes on the call they serve (during it and at wrap-up) and its outcome
     * (once it is over, from the office's list).
     */
    'call:record': command(CallRecord, NoData),
    /**
     * The visitor's earlier visits today at the same kiosk, for the ticket offered to the officer
     * or the call they serve; empty unless the visitor agreed to be recognised by their ticket.
     */
    'visit:earlier': command(OfferRef, EarlierVisits),
    /** The officer writes to the visitor of the ticket offered to them, and during the call. */
    'chat:send': command(SendChat, ChatMessage),
    'chat:history': command(ChatRef, ChatHistory),
    /** The console showed the visitor's messages. */
    'chat:read': command(ReadChat, NoData),
    'chat:typing': command(ChatTyping, NoData),
    /** The office's quick replies, sent with one tap. */
    'chat:quickReplies': command(Empty, QuickReplies),

    /** A line of captions of this side's speech, or the officer's typed line; shown, never stored. */
    'caption:send': command(SendCaption, NoData),
    /** The caption providers the office offers for the call. */
    'caption:sources': command(CaptionCallRef, CaptionSources),
    /** This side's captions from a provider stopped; both sides are told. */
    'caption:trouble': command(ReportCaptionTrouble, NoData),
    /** A piece of this side's speech for the office's recogniser; heard, never stored. */
    'caption:audio': command(SendSpeech, NoData),
  },
  /** An officer hears only about their own state, offers and calls. */
  events: {
    'agent:updated': AgentView,
    /** An administrator changed the officer's skills. */
    'agent:skills': AgentSkills,
    /** The officer opened the console elsewhere, which now holds their offers and calls. */
    'agent:replaced': Empty,
    'offer:new': OfferView,
    /** The visitor of the officer's offer or call showed an earlier visit today: ask again. */
    'visit:earlierLinked': OfferRef,
    /** The room of the call the ringing offer would start (LiveKit), once it is open. */
    'offer:room': PreparedRoom,
    'offer:withdrawn': OfferWithdrawn,
    'call:signal': CallSignal,
    'call:ended': CallEnded,
    /** A message of the conversation with the visitor, the officer's own included. */
    'chat:message': ChatMessage,
    /** The visitor's kiosk showed the officer's messages. */
    'chat:read': ChatReceipt,
    'chat:typing': ChatTyping,
    /** A caption of the call, this side's own included. */
    caption: Caption,
    /** Captions of one side's speech from a provider are unavailable; the call goes on. */
    'caption:status': CaptionStatus,
    /** An administrator changed the office or its services: names and transfer targets follow. */
    'office:changed': OfficeCatalogue,
  },
});

/** Commands an agent sends on `/agent`, as socket.io types them. */
export type AgentClientToServerEvents = ClientToServerEvents<typeof agentContract>;

/** Facts the server tells an agent on `/agent`, as socket.io types them. */
export type AgentServerToClientEvents = ServerToClientEvents<typeof agentContract>;
