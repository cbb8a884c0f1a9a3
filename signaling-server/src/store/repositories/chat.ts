import type { Db } from '../database.js';
import type { ChatMessageRow } from '../schema.js';

/** Stores a chat message. */
export async function insertChatMessage(db: Db, message: ChatMessageRow): Promise<void> {
  await db.insertInto('chat_messages').values(message).execute();
}

/** The message a writer already sent with this id of theirs, if any. */
export function findChatMessageByClientId(
  db: Db,
  ticketId: string,
  author: ChatMessageRow['author'],
  clientId: string,
): Promise<ChatMessageRow | undefined> {
  return db
    .selectFrom('chat_messages')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .where('author', '=', author)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

/** A ticket's conversation, oldest first. */
export function listChatMessages(db: Db, ticketId: string): Promise<ChatMessageRow[]> {
  return db
    .selectFrom('chat_messages')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('sent_at')
    .orderBy('id')
    .execute();
}

/**
 * Marks as read at `at` those of `ids` that the other side of `reader` wrote in this ticket's
 * conversation and that were unread; answers the ids it marked.
 */
export async function markChatRead(
  db: Db,
  ticketId: string,
  reader: ChatMessageRow['author'],
  ids: string[],
  at: number,
): Promise<string[]> {
  const unread = await db
    .selectFrom('chat_messages')
    .select('id')
    .where('ticket_id', '=', ticketId)
    .where('author', '!=', reader)
    .where('id', 'in', ids)
    .where('read_at', 'is', null)
    .execute();
  const marked = unread.map((row) => row.id);
  if (marked.length === 0) return [];
  await db
    .updateTable('chat_messages')
    .set({ read_at: at })
    .where('id', 'in', marked)
    .where('read_at', 'is', null)
    .execute();
  return marked;
}

/** Deletes an office's chat messages sent at or before `by`; answers how many. */
export async function eraseChatMessagesSentBy(
  db: Db,
  officeId: string,
  by: number,
): Promise<number> {
  const result = await db
    .deleteFrom('chat_messages')
    .where('office_id', '=', officeId)
    .where('sent_at', '<=', by)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
