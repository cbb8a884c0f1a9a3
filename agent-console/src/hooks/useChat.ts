import {
  agentContract,
  withMessage,
  withReceipt,
  type ChatMessage,
  type QuickReplies,
} from '@loket/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { agentCommand } from '../lib/agent-commands';
import { agentSocket } from '../lib/agent-socket';
import { listenTo } from '../lib/commands';
import { ConsoleError, type ConsoleErrorCode } from '../lib/errors';

/** How often "typing" is told to the visitor while the officer keeps typing. */
const TYPING_EVERY_MS = 3000;

const codeOf = (error: unknown): ConsoleErrorCode =>
  error instanceof ConsoleError ? error.code : 'INTERNAL';

/**
 * The conversation with the visitor of `ticketId`: what was said so far, what arrives, the
 * visitor typing, the office's quick replies, and sending. The visitor's messages count as unread
 * until the console window has focus; then they are reported read.
 */
export function useChat(ticketId: string) {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [replies, setReplies] = useState<QuickReplies['replies']>([]);
  const [peerTyping, setPeerTyping] = useState(false);
  const [error, setError] = useState<ConsoleErrorCode | null>(null);
  const [focused, setFocused] = useState(() => document.hasFocus());
  const reported = useRef(new Set<string>());
  const typingAt = useRef(0);

  useEffect(() => {
    let open = true;
    agentCommand('chat:history', { ticketId })
      .then(
        ({ messages: earlier }) => open && setMessages((list) => earlier.reduce(withMessage, list)),
      )
      .catch(() => undefined);
    agentCommand('chat:quickReplies', {})
      .then((answer) => open && setReplies(answer.replies))
      .catch(() => undefined);
    const stop = listenTo(agentSocket(), agentContract.events, {
      'chat:message': (message) => {
        if (message.ticketId !== ticketId) return;
        setMessages((list) => withMessage(list, message));
        if (message.from === 'kiosk') setPeerTyping(false);
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
    const onFocus = () => setFocused(true);
    const onBlur = () => setFocused(false);
    window.addEventListener('focus', onFocus);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('focus', onFocus);
      window.removeEventListener('blur', onBlur);
    };
  }, []);

  const unread = messages.filter((m) => m.from === 'kiosk' && m.readAt === null);
  useEffect(() => {
    if (!focused) return;
    const ids = unread.map((m) => m.id).filter((id) => !reported.current.has(id));
    if (ids.length === 0) return;
    for (const id of ids) reported.current.add(id);
    const readAt = Date.now();
    setMessages((list) => list.map((m) => (ids.includes(m.id) ? { ...m, readAt } : m)));
    agentCommand('chat:read', { ticketId, ids }).catch(() => undefined);
  }, [focused, unread, ticketId]);

  const send = useCallback(
    async (text: string) => {
      typingAt.current = 0;
      try {
        const sent = await agentCommand('chat:send', {
          ticketId,
          clientId: crypto.randomUUID(),
          text,
        });
        setError(null);
        setMessages((list) => withMessage(list, sent));
        return true;
      } catch (problem) {
        setError(codeOf(problem));
        return false;
      }
    },
    [ticketId],
  );

  const typing = useCallback(() => {
    const now = Date.now();
    if (now - typingAt.current < TYPING_EVERY_MS) return;
    typingAt.current = now;
    agentCommand('chat:typing', { ticketId, typing: true }).catch(() => undefined);
  }, [ticketId]);

  return { messages, replies, peerTyping, error, unread: unread.length, send, typing };
}
