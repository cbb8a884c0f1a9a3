import { describe, expect, it } from 'vitest';
import type { ChatMessage } from './chat.js';
import { withMessage, withReceipt } from './chat-log.js';

const message = (id: string, sentAt: number, readAt: number | null = null): ChatMessage =>
  ({ id, ticketId: 't', from: 'kiosk', text: id, sentAt, readAt }) as ChatMessage;

describe('a conversation', () => {
  it('keeps messages in the order they were sent, whatever order they arrive in', () => {
    const list = [message('b', 2)].reduce(withMessage, [message('a', 1)]);
    expect(withMessage(list, message('c', 0)).map((m) => m.id)).toEqual(['c', 'a', 'b']);
  });

  it('replaces a message heard back by its id, and keeps its read mark', () => {
    const read = withReceipt([message('a', 1)], { ticketId: 't', ids: ['a'], readAt: 9 });
    expect(withMessage(read, message('a', 1))).toEqual([message('a', 1, 9)]);
  });
});
