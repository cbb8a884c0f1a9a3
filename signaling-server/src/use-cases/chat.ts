import {
  CHAT_BURST,
  CHAT_PER_SECOND,
  DEFAULT_QUICK_REPLIES,
  QuickReplies,
  type ChatAuthor,
  type ChatHistory,
  type ChatMessage,
  type ChatRef,
  type ChatTyping,
  type ReadChat,
  type QuickRepliesRecord,
  type SendChat,
} from '@loket/shared';
import type { Actor, ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { TokenBucket } from '../auth/token-bucket.js';
import { findActiveCallOfTicket, findLastAgentOfTicket } from '../store/repositories/calls.js';
import {
  findChatMessageByClientId,
  insertChatMessage,
  listChatMessages,
  markChatRead,
} from '../store/repositories/chat.js';
import { findOffice, setQuickReplies } from '../store/repositories/offices.js';
import { findTicket } from '../store/repositories/tickets.js';
import type { ChatMessageRow } from '../store/schema.js';
import { admitUser } from './session.js';

/** The two sides of a ticket's conversation while it is open. */
interface Conversation {
  ticketId: string;
  officeId: string;
  kioskId: string;
  agentId: string;
  me: ChatAuthor;
}

const authorOf = (actor: Actor): ChatAuthor => (actor.kind === 'kiosk' ? 'kiosk' : 'agent');

/**
 * The conversation about `ticketId` that `actor` may take part in now. It opens when the ticket
 * is offered to an officer (their greeting, "you are next") and closes when the call ends.
 * FORBIDDEN for a ticket the actor does not hold or was never offered; NOT_IN_CALL for one whose
 * conversation is not open (still waiting for an officer, or the call has ended).
 */
async function conversationOf(
  ctx: ServiceContext,
  actor: Actor,
  ticketId: string,
): Promise<Conversation> {
  const ticket = await findTicket(ctx.db, ticketId);
  if (!ticket || ticket.office_id !== actor.officeId) {
    throw new LoketError('FORBIDDEN', 'this ticket is not yours');
  }
  let agentId: string | null = null;
  if (ticket.status === 'offered') agentId = ticket.offered_agent_id;
  else if (ticket.status === 'in_call') {
    agentId = (await findActiveCallOfTicket(ctx.db, ticket.id))?.agent_id ?? null;
  }
  if (actor.kind === 'kiosk' && ticket.kiosk_id !== actor.kioskId) {
    throw new LoketError('FORBIDDEN', 'this ticket is not yours');
  }
  if (actor.kind === 'user' && agentId !== actor.userId) {
    const served = (await findLastAgentOfTicket(ctx.db, ticket.id)) === actor.userId;
    if (!served) throw new LoketError('FORBIDDEN', 'this visitor is not yours to talk to');
    throw new LoketError('NOT_IN_CALL', 'the call with this visitor has ended');
  }
  if (!agentId) throw new LoketError('NOT_IN_CALL', 'no officer is talking with this ticket now');
  return {
    ticketId: ticket.id,
    officeId: ticket.office_id,
    kioskId: ticket.kiosk_id,
    agentId,
    me: authorOf(actor),
  };
}

function viewOf(row: ChatMessageRow): ChatMessage {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    clientId: row.client_id,
    from: row.author,
    text: row.text,
    sentAt: Number(row.sent_at),
    readAt: row.read_at === null ? null : Number(row.read_at),
  };
}

/** Tells one side of a conversation, or both. */
function tell(
  ctx: ServiceContext,
  talk: Conversation,
  to: ChatAuthor | 'both',
  fact: Parameters<ServiceContext['notifier']['chatToKiosk']>[1],
): void {
  if (to !== 'agent') ctx.notifier.chatToKiosk(talk.kioskId, fact);
  if (to !== 'kiosk') ctx.notifier.chatToAgent(talk.agentId, fact);
}

const otherSide = (me: ChatAuthor): ChatAuthor => (me === 'kiosk' ? 'agent' : 'kiosk');

/**
 * How many chat messages each sender may send, kept by kiosk or officer rather than by socket so
 * that reconnecting buys no fresh burst; there are as many as the offices have kiosks and staff.
 */
export class ChatBudgets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly clock: () => number) {}

  /** Refuses a message over the sender's budget with RATE_LIMITED before anything is stored. */
  spend(actor: Actor): void {
    const sender = actor.kind === 'kiosk' ? `kiosk:${actor.kioskId}` : `user:${actor.userId}`;
    const now = this.clock();
    let bucket = this.buckets.get(sender);
    if (!bucket)
      this.buckets.set(sender, (bucket = new TokenBucket(CHAT_BURST, CHAT_PER_SECOND, now)));
    if (!bucket.take(1, now)) {
      throw new LoketError('RATE_LIMITED', 'too many chat messages, slow down');
    }
  }
}

/**
 * One side sends a message: stored with the ticket, then told to both sides (the sender's other
 * screens included). A retried send with the same `clientId` answers the message already stored.
 */
export async function sendChat(
  ctx: ServiceContext,
  budgets: ChatBudgets,
  actor: Actor,
  input: SendChat,
): Promise<ChatMessage> {
  const talk = await conversationOf(ctx, actor, input.ticketId);
  const earlier = await findChatMessageByClientId(ctx.db, talk.ticketId, talk.me, input.clientId);
  if (earlier) return viewOf(earlier);
  budgets.spend(actor);
  const row: ChatMessageRow = {
    id: ctx.ids(),
    office_id: talk.officeId,
    ticket_id: talk.ticketId,
    client_id: input.clientId,
    author: talk.me,
    text: input.text,
    sent_at: ctx.clock(),
    read_at: null,
  };
  await insertChatMessage(ctx.db, row);
  const message = viewOf(row);
  tell(ctx, talk, 'both', { kind: 'message', message });
  return message;
}

/** The conversation of a ticket so far, for a screen that (re)opens it. */
export async function chatHistory(
  ctx: ServiceContext,
  actor: Actor,
  input: ChatRef,
): Promise<ChatHistory> {
  const talk = await conversationOf(ctx, actor, input.ticketId);
  return { messages: (await listChatMessages(ctx.db, talk.ticketId)).map(viewOf) };
}

/** One side showed the other's messages: they are marked read and their writer is told. */
export async function readChat(ctx: ServiceContext, actor: Actor, input: ReadChat): Promise<null> {
  const talk = await conversationOf(ctx, actor, input.ticketId);
  const readAt = ctx.clock();
  const ids = await markChatRead(ctx.db, talk.ticketId, talk.me, input.ids, readAt);
  if (ids.length > 0) {
    tell(ctx, talk, otherSide(talk.me), {
      kind: 'read',
      receipt: { ticketId: talk.ticketId, ids, readAt },
    });
  }
  return null;
}

/** One side starts or stops typing: the other side is told, and nothing is stored. */
export async function chatTyping(
  ctx: ServiceContext,
  actor: Actor,
  input: ChatTyping,
): Promise<null> {
  const talk = await conversationOf(ctx, actor, input.ticketId);
  tell(ctx, talk, otherSide(talk.me), { kind: 'typing', typing: input });
  return null;
}

/** An office's quick replies: its own, or the default ones; with their version. */
async function officeQuickReplies(
  ctx: ServiceContext,
  officeId: string,
): Promise<QuickRepliesRecord> {
  const office = await findOffice(ctx.db, officeId);
  const stored = office?.chat_quick_replies;
  const parsed = stored ? QuickReplies.safeParse(JSON.parse(stored)) : null;
  const replies = parsed?.success ? parsed.data.replies : [...DEFAULT_QUICK_REPLIES];
  return { replies, version: office?.quick_replies_version ?? 1 };
}

/** The quick replies of the officer's office. */
export async function quickRepliesFor(
  ctx: ServiceContext,
  agent: { officeId: string },
): Promise<QuickReplies> {
  return { replies: (await officeQuickReplies(ctx, agent.officeId)).replies };
}

/** The signed-in manager's (or administrator's) office's quick replies. */
export async function readQuickReplies(
  ctx: ServiceContext,
  token: string | undefined,
): Promise<QuickRepliesRecord> {
  const user = await admitUser(ctx, token, ['manager', 'admin']);
  return officeQuickReplies(ctx, user.officeId);
}

/**
 * A manager (or administrator) replaces their office's quick replies, from the version they read
 * (CHANGED_ELSEWHERE when someone saved since).
 */
export async function editQuickReplies(
  ctx: ServiceContext,
  token: string | undefined,
  body: QuickRepliesRecord,
): Promise<QuickRepliesRecord> {
  const user = await admitUser(ctx, token, ['manager', 'admin']);
  const json = JSON.stringify({ replies: body.replies });
  if (!(await setQuickReplies(ctx.db, user.officeId, json, body.version))) {
    throw new LoketError('CHANGED_ELSEWHERE', 'the quick replies were changed by someone else');
  }
  return { replies: body.replies, version: body.version + 1 };
}
