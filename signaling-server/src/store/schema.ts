import type {
  AgentStatus,
  ComplaintSource,
  ComplaintStatus,
  ChatAuthor,
  CallEndReason,
  Language,
  Role,
  TicketStatus,
  Transport,
} from '@loket/shared';

/** Tables as the query layer sees them. Times are epoch milliseconds. */
export interface Database {
  offices: OfficeRow;
  office_logos: OfficeLogoRow;
  services: ServiceRow;
  users: UserRow;
  sessions: SessionRow;
  kiosks: KioskRow;
  kiosk_pairings: KioskPairingRow;
  agents: AgentRow;
  tickets: TicketRow;
  ticket_counters: TicketCounterRow;
  agent_skills: AgentSkillRow;
  callbacks: CallbackRow;
  timers: TimerRow;
  calls: CallRow;
  audit_log: AuditRow;
  skills_version: SkillsVersionRow;
  waiting_line_versions: WaitingLineVersionRow;
  waiting_line_changes: WaitingLineChangeRow;
  catalogue_version: CatalogueVersionRow;
  surveys: SurveyRow;
  complaints: ComplaintRow;
  chat_messages: ChatMessageRow;
  caption_troubles: CaptionTroubleRow;
}

export interface OfficeRow {
  id: string;
  name_id: string;
  name_en: string;
  time_zone: string;
  created_at: number;
  /** JSON of the weekly schedule and holidays (core/service-hours); null: always open. */
  hours: string | null;
  /** JSON array of other channels (shared Channel). */
  channels: string;
  /** JSON array of the SKM elements of the survey's short form; null: the default ones. */
  survey_elements: string | null;
  /** Days a call-back number is kept once the call-back is closed; null: the default. */
  callback_retention_days: number | null;
  /** JSON array of the outcomes officers pick at wrap-up (shared DispositionList); null: the default. */
  dispositions: string | null;
  /** Days a visit's summary stays readable after the visit. */
  summary_retention_days: number;
  /** Days a survey comment is kept once it was given; null: the default. */
  comment_retention_days: number | null;
  /** Bumped by every change an administrator makes to the office (hours aside). */
  version: number;
  /** Bumped by every change an administrator makes to the hours. */
  hours_version: number;
  /** JSON of the office's chat quick replies (shared QuickReplies); null: the default ones. */
  chat_quick_replies: string | null;
  /** Bumped by every change to the outcomes (migration 0028). */
  dispositions_version: number;
  /** Bumped by every change to the quick replies (migration 0028). */
  quick_replies_version: number;
  /** The kiosk's attract screen colour, `#rrggbb`; null: Loket's own. */
  brand_color: string | null;
  /** The hash of the office's logo (office_logos), which names its version; null: no logo. */
  logo_hash: string | null;
  /** The consent screen's words on the office's handling of data; null or empty: the kiosk's. */
  consent_text_id: string | null;
  consent_text_en: string | null;
}

/** An office's logo, base64, as its type was read from its bytes. */
export interface OfficeLogoRow {
  office_id: string;
  type: string;
  hash: string;
  image: string;
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
  /** Moving average of call length, for wait estimates; null before the first call. */
  avg_handle_ms: number | null;
  /** JSON array of what to bring or have done (shared `LocalizedText`), shown in the summary. */
  requirements: string;
  /** Bumped by every change an administrator makes to the service. */
  version: number;
  /** JSON array of skills its tickets require beyond the service itself (shared `Skill`). */
  skills: string;
}

export interface UserRow {
  id: string;
  office_id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  created_at: number;
  /** Advanced by every administrator's change (see migration 0017). */
  version: number;
  /** Since when the person may not sign in; null while active. */
  deactivated_at: number | null;
  /** 1 after an administrator set the password: the person chooses their own at sign-in. */
  must_change_password: number;
}

/**
 * One skill of an agent (see shared `Skill`): a service (`service:<id>`), a language
 * (`language:<code>`), or a skill a need requires or the office defines (`bisindo`).
 */
export interface AgentSkillRow {
  user_id: string;
  skill: string;
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
  /** The credential the kiosk was last handed; its first use retires `token_hash`. */
  pending_token_hash: string | null;
  created_at: number;
  last_seen_at: number | null;
  revoked_at: number | null;
  /** Part of the kiosk's LiveKit identity; advanced when another holder takes the kiosk over. */
  media_generation: number;
  /** The kiosk's latest health report, JSON; checked against the contract when read. */
  health: string | null;
  health_at: number | null;
  /** Since when a manager has had the kiosk out of service; null while it serves. */
  out_of_service_at: number | null;
  /** Advanced by every administrator's change (see migration 0017). */
  version: number;
}

export interface KioskPairingRow {
  code_hash: string;
  kiosk_id: string;
  created_at: number;
  expires_at: number;
}

export interface AgentRow {
  user_id: string;
  office_id: string;
  status: AgentStatus;
  status_since: number;
  /** When the agent last became free; the longest idle is offered first. */
  idle_since: number;
  /** Offers missed in a row; the agent goes away after too many. */
  missed_offers: number;
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
  /** Comma-separated declared needs (shared `Need`), in the order of the list of needs. */
  needs: string;
  priority: 'normal' | 'priority' | 'transfer';
  /** Only this agent may be offered the ticket (manager assignment, transfer to a person). */
  assigned_agent_id: string | null;
  created_at: number;
  /** Order within its queue; an expired offer keeps it, so the ticket returns to the head. */
  queued_at: number;
  updated_at: number;
  offered_agent_id: string | null;
  /** Due time of the offer's expiry, swept by the timer loop. */
  offer_expires_at: number | null;
  /** The secret of the visit's phone link (see migration 0010). */
  visit_token: string | null;
  /** When the visitor agreed to the consent screen that comes before every ticket. */
  consented_at: number | null;
  /** The secret of the visit's summary link (see migration 0012). */
  summary_token: string | null;
  /** The officer's note to the visitor and next steps; null until they write it. */
  visitor_note: string | null;
  /** The visit of the same day at the same kiosk the visitor offered as theirs (migration 0029). */
  earlier_ticket_id: string | null;
  /** When the visitor agreed that the officer sees that earlier visit; null: no link. */
  earlier_consented_at: number | null;
  /** How many earlier ticket numbers the visitor tried for this ticket. */
  earlier_attempts: number;
}

export interface TicketCounterRow {
  service_id: string;
  day: string;
  last: number;
}

/** A side's captions from a provider reported unavailable in a call (migration 0034). */
export interface CaptionTroubleRow {
  call_id: string;
  /** `kiosk` or `agent` (shared ChatAuthor). */
  from_side: string;
  /** shared CaptionProvider */
  provider: string;
  /** shared CaptionTrouble */
  trouble: string;
  at: number;
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
  /** The officer's notes on the call; null when none, and once the retention job erased them. */
  notes: string | null;
  /** The outcome the officer picked at wrap-up (an id of the office's list); null until then. */
  disposition: string | null;
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

/** A visitor's request to be called back, worked by agents. */
export interface CallbackRow {
  id: string;
  office_id: string;
  kiosk_id: string;
  client_id: string;
  service_id: string;
  language: Language;
  phone: string;
  status: 'open' | 'closed';
  created_at: number;
  closed_at: number | null;
  closed_by: string | null;
  outcome: string | null;
  /** Days the visitor was told the number is kept after the call-back; null: the default. */
  kept_days: number | null;
  /** When the number was erased (then `phone` is empty). */
  erased_at: number | null;
}

/** What a durable timer does when it falls due. */
export type TimerKind = 'wrap_up_end' | 'kiosk_grace' | 'agent_grace' | 'media_grace';

/** A durable timer: swept when due, by whichever server instance gets to it first. */
export interface TimerRow {
  id: string;
  office_id: string;
  kind: TimerKind;
  /**
   * The agent (wrap-up, agent grace) or kiosk (kiosk grace) it is about; for media grace, the
   * call and the party whose media was lost (see `mediaGraceRef`).
   */
  ref_id: string;
  due_at: number;
}

/** The one row holding the version of agents' skills; store triggers change it with them. */
export interface SkillsVersionRow {
  id: number;
  version: number;
}

/** The one row holding the version of every office's catalogue; store triggers change it with them. */
export interface CatalogueVersionRow {
  id: number;
  version: number;
}

/** How far an office's waiting line has moved on: one more for every transaction changing it. */
export interface WaitingLineVersionRow {
  office_id: string;
  version: number;
}

/** What one version of an office's waiting line changed: JSON `[ticketId, LineTicket | null][]`. */
export interface WaitingLineChangeRow {
  office_id: string;
  version: number;
  changes: string;
}

/** One visitor's SKM survey; `u1`…`u9` are the elements in the regulation's order, 1–4 or null. */
export interface SurveyRow {
  id: string;
  office_id: string;
  ticket_id: string;
  kiosk_id: string;
  service_id: string;
  agent_id: string | null;
  language: Language;
  created_at: number;
  overall: number | null;
  u1: number | null;
  u2: number | null;
  u3: number | null;
  u4: number | null;
  u5: number | null;
  u6: number | null;
  u7: number | null;
  u8: number | null;
  u9: number | null;
  /** The visitor's own words (personal data); null when none was left or it was erased. */
  comment: string | null;
  /** When the retention job erased the comment; null while it is kept. */
  comment_erased_at: number | null;
}

export interface ComplaintRow {
  id: string;
  office_id: string;
  ticket_id: string;
  source: ComplaintSource;
  /** The visitor's words; null once erased (`text_erased_at`). */
  text: string | null;
  text_erased_at: number | null;
  created_at: number;
  status: ComplaintStatus;
  /** The user who asked for it to be forwarded. */
  forwarded_by: string | null;
  /** LAPOR!'s tracking id, once it took the complaint. */
  tracking_id: string | null;
  forwarded_at: number | null;
  /** Deadlines of the three stages, `YYYY-MM-DD` in the office's days (core/complaint-deadlines). */
  verification_due: string | null;
  follow_up_due: string | null;
  completion_due: string | null;
  /** Tries to reach LAPOR! so far. */
  attempts: number;
  /** When the retry job sends it again (status `retrying`). */
  next_attempt_at: number | null;
  /** LAPOR!'s reason for refusing it (status `rejected`). */
  rejection: string | null;
}

export interface ChatMessageRow {
  id: string;
  office_id: string;
  ticket_id: string;
  /** The writer's own id for the message, so that a retried send stores it once. */
  client_id: string;
  author: ChatAuthor;
  /** What the writer typed, as typed: screens show it as text. */
  text: string;
  sent_at: number;
  /** When the other side showed it; null until then. */
  read_at: number | null;
}
