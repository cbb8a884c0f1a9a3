import type {
  AgentStatus,
  CallEndReason,
  Language,
  Role,
  TicketStatus,
  Transport,
} from '@loket/shared';

/** Tables as the query layer sees them. Times are epoch milliseconds. */
export interface Database {
  offices: OfficeRow;
  services: ServiceRow;
  users: UserRow;
  sessions: SessionRow;
  kiosks: KioskRow;
  agents: AgentRow;
  tickets: TicketRow;
  ticket_counters: TicketCounterRow;
  calls: CallRow;
  audit_log: AuditRow;
}

export interface OfficeRow {
  id: string;
  name_id: string;
  name_en: string;
  time_zone: string;
  created_at: number;
}

export interface ServiceRow {
  id: string;
  office_id: string;
  letter: string;
  name_id: string;
  name_en: string;
  description_id: string;
  description_en: string;
  icon: string;
  sort_order: number;
  active: number;
}

export interface UserRow {
  id: string;
  office_id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  /** Comma-separated service languages the user speaks. */
  languages: string;
  created_at: number;
}

export interface SessionRow {
  token_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
}

export interface KioskRow {
  id: string;
  office_id: string;
  name: string;
  token_hash: string;
  created_at: number;
  last_seen_at: number | null;
}

export interface AgentRow {
  user_id: string;
  office_id: string;
  status: AgentStatus;
  status_since: number;
  /** When the agent last became free; the longest idle is offered first. */
  idle_since: number;
}

export interface TicketRow {
  id: string;
  office_id: string;
  service_id: string;
  kiosk_id: string;
  client_id: string;
  number: string;
  language: Language;
  status: TicketStatus;
  created_at: number;
  /** Order within its queue; an expired offer keeps it, so the ticket returns to the head. */
  queued_at: number;
  updated_at: number;
  offered_agent_id: string | null;
  /** Due time of the offer's expiry, swept by the timer loop. */
  offer_expires_at: number | null;
}

export interface TicketCounterRow {
  service_id: string;
  day: string;
  last: number;
}

export interface CallRow {
  id: string;
  ticket_id: string;
  office_id: string;
  agent_id: string;
  kiosk_id: string;
  transport: Transport;
  started_at: number;
  ended_at: number | null;
  end_reason: CallEndReason | null;
}

export interface AuditRow {
  id: string;
  at: number;
  office_id: string;
  actor_type: 'kiosk' | 'user' | 'system';
  actor_id: string | null;
  action: string;
  subject_id: string | null;
  details: string;
}
