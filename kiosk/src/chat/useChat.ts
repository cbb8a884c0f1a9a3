import { withMessage, withReceipt, type ChatMessage } from '@loket/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { command } from '../lib/commands';
import { listenToChat } from './chat-events';

/** How often "typing" is told to the officer while the visitor keeps typing. */
const TYPING_EVERY_MS = 3000;

/**
 * The conversation about the kiosk's ticket: what was said so far (fetched on opening), what
 * arrives, the officer typing, and sending. The officer's messages are reported read once they
 * are `shown`: the open panel shows every message.
 */
export function useChat(ticketId: string, shown: boolean) {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [peerTyping, setPeerTyping] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reported = useRef(new Set<string>());
  const typingAt = useRef(0);

  useEffect(() => {
    let open = true;
    void command('chat:history', { ticketId }).then((answer) => {
      if (open && answer.ok) setMessages((list) => answer.data.messages.reduce(withMessage, list));
    });
    const stop = listenToChat({
      'chat:message': (message) => {
        if (message.ticketId !== ticketId) return;
        setMessages((list) => withMessage(list, message));
        if (message.from === 'agent') setPeerTyping(false);
      },
      'chat:read': (receipt) => {
        if (receipt.ticketId !== ticketId) return;
        setMessages((list) => withReceipt(list, receipt));
      },
      'chat:typing': (typing) => {
        if (typing.ticketId === ticketId) setPeerTyping(typing.typing);
      },
    });
    return () => {
      open = false;
      stop();
    };
  }, [ticketId]);

  useEffect(() => {
    if (!shown) return;
    const unread = messages
      .filter((m) => m.from === 'agent' && m.readAt === null && !reported.current.has(m.id))
      .map((m) => m.id);
    if (unread.length === 0) return;
    for (const id of unread) reported.current.add(id);
    void command('chat:read', { ticketId, ids: unread });
  }, [messages, ticketId, shown]);

  const send = useCallback(
    async (text: string) => {
      typingAt.current = 0;
      const answer = await command('chat:send', {
        ticketId,
        clientId: crypto.randomUUID(),
        text,
      });
      if (!answer.ok) {
        setError(answer.error.code);
        return false;
      }
      setError(null);
      setMessages((list) => withMessage(list, answer.data));
      return true;
    },
    [ticketId],
  );

  const typing = useCallback(() => {
    const now = Date.now();
    if (now - typingAt.current < TYPING_EVERY_MS) return;
    typingAt.current = now;
    void command('chat:typing', { ticketId, typing: true });
  }, [ticketId]);

  return { messages, peerTyping, error, send, typing };
}
