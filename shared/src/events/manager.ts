import { z } from 'zod';
import { ErasedData, HeldData, PhoneLookup } from '../domain/retention.js';
import {
  command,
  defineContract,
  NoData,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '../contract/define.js';
import { AgentView } from '../domain/agent.js';
import { EpochMs, Id } from '../domain/ids.js';
import { Language, LocalizedText } from '../domain/language.js';
import { KioskStatus } from '../domain/kiosk-health.js';
import { Needs } from '../domain/needs.js';
import { IkmView } from '../domain/survey.js';
import { TicketStatus } from '../domain/ticket.js';
import { Empty } from './empty.js';
import { OfficeCatalogue } from './kiosk.js';

/** A ticket on the manager's live queue. */
export const QueueTicket = z.object({
  id: Id,
  number: z.string(),
  serviceId: Id,
  serviceName: LocalizedText,
  language: Language,
  needs: Needs,
  status: TicketStatus,
  createdAt: EpochMs,
  agentId: Id.nullable(),
});
/** A ticket on the manager's live queue. */
export type QueueTicket = z.infer<typeof QueueTicket>;

/** Today's service figures of an office. */
export const QueueCounters = z.object({
  waiting: z.number().int().nonnegative(),
  /** How long the longest-waiting ticket has waited, ms; 0 when nobody waits. */
  longestWaitMs: z.number().nonnegative(),
  /** Average time from ticket to answered call today, ms; null before the first answer. */
  averageSpeedOfAnswerMs: z.number().nonnegative().nullable(),
  /** Share of today's finished tickets that were cancelled or abandoned, 0–1. */
  abandonmentRate: z.number().min(0).max(1).nullable(),
  /** Share of today's answered tickets answered within the target, 0–1. */
  serviceLevel: z.number().min(0).max(1).nullable(),
  serviceLevelTargetMs: z.number().int().positive(),
  /** Share of answers the office aims to give within the target, 0–1 (e.g. 0.8). */
  serviceLevelGoal: z.number().min(0).max(1),
  openCallbacks: z.number().int().nonnegative(),
  /** Today's satisfaction index from the visitors' surveys; null before the first. */
  ikm: IkmView.nullable(),
});
/** Today's service figures of an office. */
export type QueueCounters = z.infer<typeof QueueCounters>;

/** The whole live queue of an office at one moment. */
export const QueueSnapshot = z.object({
  at: EpochMs,
  /** Grows by one with every change of this office's queue. */
  seq: z.number().int().nonnegative(),
  tickets: z.array(QueueTicket),
  agents: z.array(AgentView),
  counters: QueueCounters,
});
/** The whole live queue of an office at one moment. */
export type QueueSnapshot = z.infer<typeof QueueSnapshot>;

/** What changed in the queue since the previous sequence number. */
export const QueueDelta = z.object({
  seq: z.number().int().positive(),
  at: EpochMs,
  /** Tickets that appeared or changed. */
  tickets: z.array(QueueTicket),
  /** Tickets that left the live queue (served, cancelled, abandoned…). */
  removedTicketIds: z.array(Id),
  agents: z.array(AgentView),
  counters: QueueCounters,
});
/** What changed in the queue since the previous sequence number. */
export type QueueDelta = z.infer<typeof QueueDelta>;

/** A dashboard that reconnects asks for what it missed since its last sequence number. */
export const QueueSince = z.object({ seq: z.number().int().nonnegative() });
/** A dashboard that reconnects asks for what it missed. */
export type QueueSince = z.infer<typeof QueueSince>;

/** Either the missed deltas in order, or a fresh snapshot when they are no longer kept. */
export const QueueCatchUp = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('deltas'), deltas: z.array(QueueDelta) }),
  z.object({ kind: z.literal('snapshot'), snapshot: QueueSnapshot }),
]);
/** Either the missed deltas, or a fresh snapshot. */
export type QueueCatchUp = z.infer<typeof QueueCatchUp>;

/** Why a manager acted; kept in the audit log. */
const Reason = z.string().trim().min(1).max(500);

/** A manager moves a waiting ticket into the priority lane. */
export const PrioritiseTicket = z.object({ ticketId: Id, reason: Reason });
/** A manager assigns a waiting ticket to one named agent. */
export const AssignTicket = z.object({ ticketId: Id, agentId: Id, reason: Reason });
/** A manager cancels a ticket that is still waiting or ringing. */
export const ManagerCancelTicket = z.object({ ticketId: Id, reason: Reason });
/** A manager sets an agent's state (e.g. away after leaving the desk, offline at closing). */
export const SetAgentState = z.object({
  agentId: Id,
  status: z.enum(['available', 'away', 'offline']),
  reason: Reason,
});
/** A manager shows a message on every kiosk of the office. */
export const MessageKiosks = z.object({
  text: z.object({ id: z.string().trim().min(1).max(280), en: z.string().trim().min(1).max(280) }),
});

/** Every kiosk of the manager's office, as it is now. */
export const KioskStatuses = z.object({ kiosks: z.array(KioskStatus) });
/** Every kiosk of the manager's office. */
export type KioskStatuses = z.infer<typeof KioskStatuses>;

/** A manager's request of one kiosk. */
export const KioskRef = z.object({ kioskId: Id });
/** A manager's message shown on one kiosk. */
export const MessageKiosk = KioskRef.extend({ text: MessageKiosks.shape.text });
/** A manager takes one kiosk out of service, or puts it back. */
export const SetKioskService = KioskRef.extend({ inService: z.boolean() });

/** A manager asks to watch the call a ticket is in. */
export const MonitorCall = z.object({ ticketId: Id });
/** A manager asks to watch the call a ticket is in. */
export type MonitorCall = z.infer<typeof MonitorCall>;

/** One party of a watched call: how it appears in the LiveKit room, and what to call it. */
const MonitoredParty = z.object({ identity: z.string().min(1), label: z.string() });

/**
 * What a manager needs to watch a LiveKit call: a hidden, subscribe-only token for its room, and
 * who is who in it (the visitor is labelled by ticket number, the officer by name).
 */
export const MonitorGrant = z.object({
  url: z.string().min(1),
  token: z.string().min(1),
  visitor: MonitoredParty,
  officer: MonitoredParty,
});
/** What a manager needs to watch a LiveKit call. */
export type MonitorGrant = z.infer<typeof MonitorGrant>;

/** The `/manager` namespace: a snapshot on request, then deltas; and the manager's actions. */
export const managerContract = defineContract({
  commands: {
    'queue:snapshot': command(Empty, QueueSnapshot),
    'queue:since': command(QueueSince, QueueCatchUp),
    'ticket:prioritise': command(PrioritiseTicket, NoData),
    'ticket:assign': command(AssignTicket, NoData),
    'ticket:cancel': command(ManagerCancelTicket, NoData),
    'agent:set': command(SetAgentState, NoData),
    'kiosks:message': command(MessageKiosks, NoData),
    'call:monitor': command(MonitorCall, MonitorGrant),
    'kiosks:status': command(Empty, KioskStatuses),
    /** The kiosk reloads its app, at once or when its visitor is done. */
    'kiosk:reload': command(KioskRef, NoData),
    'kiosk:selfTest': command(KioskRef, NoData),
    'kiosk:message': command(MessageKiosk, NoData),
    'kiosk:setService': command(SetKioskService, NoData),
    /** Administrators only: the call-back requests that hold one person's phone number. */
    'privacy:find': command(PhoneLookup, HeldData),
    /** Administrators only: erase that number from every call-back request, on the person's request. */
    'privacy:erase': command(PhoneLookup, ErasedData),
  },
  events: {
    'queue:changed': QueueDelta,
    /** A kiosk of the office connected, left, reported or was changed by a manager. */
    'kiosk:status': KioskStatus,
    /** An administrator enrolled, renamed, re-paired or revoked a kiosk: the kiosk list reloads. */
    'kiosks:changed': Empty,
    /** An administrator changed the office or its services: the dashboard reloads its names. */
    'office:changed': OfficeCatalogue,
  },
});

/** Commands a manager sends on `/manager`, as socket.io types them. */
export type ManagerClientToServerEvents = ClientToServerEvents<typeof managerContract>;

/** Facts the server tells a manager on `/manager`, as socket.io types them. */
export type ManagerServerToClientEvents = ServerToClientEvents<typeof managerContract>;
