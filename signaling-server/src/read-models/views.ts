import { z } from 'zod';
import {
  LocalizedText,
  knownNeeds,
  needsSigningVideo,
  type AgentView,
  type Need,
  type CallStart,
  type OfferView,
  type ServiceView,
  type TicketView,
  type WaitRange,
} from '@loket/shared';
import type { AgentWithUser } from '../store/repositories/agents.js';
import type { CallRow, ServiceRow, TicketRow } from '../store/schema.js';
import type { MediaJoin } from '../media/provider.js';

/** Where a waiting ticket stands: its place in its service's line and its estimated wait. */
export interface QueueFacts {
  position: number;
  wait: WaitRange | null;
}

/** The needs of a ticket row, in the order of the list of needs; anything unknown is left out. */
export function needsOf(row: Pick<TicketRow, 'needs'>): Need[] {
  return knownNeeds(row.needs.split(','));
}

/** A service as kiosks and consoles show it. */
export function serviceView(row: ServiceRow): ServiceView {
  return {
    id: row.id,
    letter: row.letter,
    name: { id: row.name_id, en: row.name_en },
    description: { id: row.description_id, en: row.description_en },
    icon: row.icon,
    requirements: requirementsOf(row),
  };
}

/**
 * Checklists already read, by their stored text: every kiosk's bootstrap shows every service's,
 * and an office has few. Bounded, since edits leave their earlier texts behind.
 */
const checklists = new Map<string, readonly LocalizedText[]>();
const CHECKLISTS_KEPT = 256;

/** A service's checklist; a malformed one shows as none rather than breaking a screen. */
export function requirementsOf(row: Pick<ServiceRow, 'requirements'> | undefined): LocalizedText[] {
  if (!row) return [];
  const known = checklists.get(row.requirements);
  if (known) return [...known];
  const parsed = z.array(LocalizedText).safeParse(JSON.parse(row.requirements));
  const checklist = Object.freeze(parsed.success ? parsed.data : []);
  if (checklists.size >= CHECKLISTS_KEPT) checklists.clear();
  checklists.set(row.requirements, checklist);
  return [...checklist];
}

/** A ticket as its kiosk sees it; position and wait only while it waits. */
export function ticketView(row: TicketRow, facts: QueueFacts | null): TicketView {
  const waiting = row.status === 'waiting' && facts !== null;
  return {
    id: row.id,
    number: row.number,
    serviceId: row.service_id,
    language: row.language,
    status: row.status,
    needs: needsOf(row),
    position: waiting ? facts.position : null,
    wait: waiting ? facts.wait : null,
    createdAt: row.created_at,
    visitToken: row.visit_token,
    summaryToken: row.summary_token,
  };
}

/** An agent as consoles show them. */
export function agentView(row: AgentWithUser): AgentView {
  return {
    id: row.user_id,
    displayName: row.display_name,
    status: row.status,
    statusSince: row.status_since,
  };
}

/** A ticket offered to an agent. */
export function offerView(
  ticket: TicketRow,
  service: ServiceRow,
  p2p: OfferView['p2p'],
): OfferView {
  return {
    ...(p2p ? { p2p } : {}),
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    service: serviceView(service),
    language: ticket.language,
    needs: needsOf(ticket),
    waitingSince: ticket.created_at,
    expiresAt: ticket.offer_expires_at ?? ticket.updated_at,
  };
}

/** What one party needs to join a call; the kiosk is the polite side of the negotiation. */
export function callStart(
  call: CallRow,
  ticket: TicketRow,
  party: 'kiosk' | 'agent',
  peerName: string,
  media: MediaJoin,
): CallStart {
  return {
    callId: call.id,
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    polite: party === 'kiosk',
    peerName,
    signLanguage: needsSigningVideo(needsOf(ticket)),
    ...(party === 'agent' && { visitor: { language: ticket.language, needs: needsOf(ticket) } }),
    ...media,
  };
}
