import { z } from 'zod';
import { EpochMs, Id } from './ids.js';
import type { LocalizedText } from './language.js';

/** The longest chat message: a few sentences, which is what a conversation in a lobby needs. */
export const CHAT_MAX_LENGTH = 500;

/** Chat messages one side may send at once, and per second after that. */
export const CHAT_BURST = 5;
/** Chat messages per second after the burst: faster than anyone types, slower than a script. */
export const CHAT_PER_SECOND = 3;

/** A chat message's text: what a person wrote, never empty, shown as text whatever it holds. */
export const ChatText = z.string().trim().min(1).max(CHAT_MAX_LENGTH);

/** Who wrote a chat message: the visitor at the kiosk or the officer. */
export const ChatAuthor = z.enum(['kiosk', 'agent']);
/** Who wrote a chat message. */
export type ChatAuthor = z.infer<typeof ChatAuthor>;

/** Names the ticket whose conversation a command is about. */
export const ChatRef = z.object({ ticketId: Id });
/** Names the ticket whose conversation a command is about. */
export type ChatRef = z.infer<typeof ChatRef>;

/** One side sends a message. `clientId` makes a retried send idempotent. */
export const SendChat = z.object({ ticketId: Id, clientId: z.uuid(), text: ChatText });
/** One side sends a message. */
export type SendChat = z.infer<typeof SendChat>;

/** A stored chat message, as both sides see it. */
export const ChatMessage = z.object({
  id: Id,
  ticketId: Id,
  clientId: z.uuid(),
  from: ChatAuthor,
  text: z.string().max(CHAT_MAX_LENGTH),
  sentAt: EpochMs,
  /** When the other side showed it; null until then. */
  readAt: EpochMs.nullable(),
});
/** A stored chat message. */
export type ChatMessage = z.infer<typeof ChatMessage>;

/** A conversation so far, oldest first: what a screen shows after it (re)opens. */
export const ChatHistory = z.object({ messages: z.array(ChatMessage) });
/** A conversation so far. */
export type ChatHistory = z.infer<typeof ChatHistory>;

/** One side has shown the other side's messages: `ids` of them. */
export const ReadChat = z.object({ ticketId: Id, ids: z.array(Id).min(1).max(100) });
/** One side has shown the other side's messages. */
export type ReadChat = z.infer<typeof ReadChat>;

/** Told to the writer: these of their messages were read. */
export const ChatReceipt = z.object({ ticketId: Id, ids: z.array(Id), readAt: EpochMs });
/** Told to the writer: these of their messages were read. */
export type ChatReceipt = z.infer<typeof ChatReceipt>;

/** One side starts or stops typing; told to the other side and never stored. */
export const ChatTyping = z.object({ ticketId: Id, typing: z.boolean() });
/** One side starts or stops typing. */
export type ChatTyping = z.infer<typeof ChatTyping>;

/** The most quick replies an office keeps, and the longest one. */
export const QUICK_REPLIES_MAX = 20;

/** The replies an office's officers send with one tap, each in both languages. */
export const QuickReplies = z.object({
  replies: z
    .array(
      z.object({
        id: ChatText.max(200),
        en: ChatText.max(200),
      }),
    )
    .max(QUICK_REPLIES_MAX),
});
/** The replies an office's officers send with one tap. */
export type QuickReplies = z.infer<typeof QuickReplies>;

/** What an office starts with until a manager edits its quick replies. */
export const DEFAULT_QUICK_REPLIES: readonly LocalizedText[] = [
  {
    id: 'Halo, Anda berikutnya. Saya segera melayani Anda.',
    en: 'Hello, you are next. I will be with you shortly.',
  },
  { id: 'Silakan ketik pertanyaan Anda.', en: 'Please type your question.' },
  { id: 'Mohon tunggu sebentar.', en: 'Please wait a moment.' },
  { id: 'Apakah ada yang lain?', en: 'Is there anything else?' },
  { id: 'Terima kasih.', en: 'Thank you.' },
];
