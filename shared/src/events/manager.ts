import { z } from 'zod';
import type { AckCallback } from '../ack.js';
import { AgentView } from '../domain/agent.js';
import { EpochMs, Id } from '../domain/ids.js';
import { Language, LocalizedText } from '../domain/language.js';
import { TicketStatus } from '../domain/ticket.js';

/** A ticket on the manager's live queue. */
export const QueueTicket = z.object({
  id: Id,
  number: z.string(),
  serviceId: Id,
  serviceName: LocalizedText,
  language: Language,
  status: TicketStatus,
  createdAt: EpochMs,
  agentId: Id.nullable(),
});
/** A ticket on the manager's live queue. */
export type QueueTicket = z.infer<typeof QueueTicket>;

/** The whole live queue of an office at one moment. */
export const QueueSnapshot = z.object({
  at: EpochMs,
  tickets: z.array(QueueTicket),
  agents: z.array(AgentView),
});
/** The whole live queue of an office at one moment. */
export type QueueSnapshot = z.infer<typeof QueueSnapshot>;

/** Commands a manager sends on `/manager`. */
export interface ManagerClientToServerEvents {
  'queue:snapshot': (payload: Record<string, never>, ack: AckCallback<QueueSnapshot>) => void;
}

/** Facts the server tells a manager on `/manager`. */
export interface ManagerServerToClientEvents {
  'queue:changed': (snapshot: QueueSnapshot) => void;
}
