import { z } from 'zod';
import { IceServer } from './call.js';
import { EpochMs, Id } from './ids.js';
import { Language } from './language.js';
import { Needs } from './needs.js';
import { ServiceView } from './office.js';

/** Agent states, see docs/architecture.md "The queue". */
export const AgentStatus = z.enum(['offline', 'available', 'offered', 'busy', 'wrap_up', 'away']);
/** An agent's state. */
export type AgentStatus = z.infer<typeof AgentStatus>;

/** States an agent may put themself in; the rest follow from offers and calls. */
export const SelfAgentStatus = z.enum(['available', 'away']);
/** A state an agent may choose. */
export type SelfAgentStatus = z.infer<typeof SelfAgentStatus>;

/** An agent as consoles show them. */
export const AgentView = z.object({
  id: Id,
  displayName: z.string(),
  status: AgentStatus,
  /** Since when the agent has been in this state. */
  statusSince: EpochMs,
});
/** An agent as consoles show them. */
export type AgentView = z.infer<typeof AgentView>;

/** A ticket offered to one agent, who may accept until `expiresAt`. */
export const OfferView = z.object({
  ticketId: Id,
  ticketNumber: z.string(),
  service: ServiceView,
  language: Language,
  /** What the visitor declared: sign language, priority service… */
  needs: Needs,
  waitingSince: EpochMs,
  expiresAt: EpochMs,
  /**
   * Present when the call will be peer-to-peer: the call it may start and the officer's ICE
   * servers, so the console connects to the kiosk while the offer rings (sending nothing before
   * the accept) and the accept only has to put camera and microphone on the connection.
   */
  p2p: z
    .object({ callId: Id, iceServers: z.array(IceServer), signLanguage: z.boolean() })
    .optional(),
});
/** A ticket offered to one agent. */
export type OfferView = z.infer<typeof OfferView>;
