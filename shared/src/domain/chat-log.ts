import type { ChatMessage, ChatReceipt } from './chat.js';

/**
 * A conversation with one message added, or the one with its id replaced (the sender hears its
 * own message back), kept in the order the messages were sent; a read mark is never lost.
 */
export function withMessage(list: readonly ChatMessage[], message: ChatMessage): ChatMessage[] {
  const at = list.findIndex((m) => m.id === message.id);
  if (at === -1) return [...list, message].sort((a, b) => a.sentAt - b.sentAt);
  return list.map((m, i) => (i === at ? { ...message, readAt: m.readAt ?? message.readAt } : m));
}

/** A conversation with the messages a receipt names marked read. */
export function withReceipt(list: readonly ChatMessage[], receipt: ChatReceipt): ChatMessage[] {
  return list.map((m) => (receipt.ids.includes(m.id) ? { ...m, readAt: receipt.readAt } : m));
}
