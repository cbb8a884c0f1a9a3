import { CHAT_MAX_LENGTH, type Language } from '@loket/shared';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChat } from '../../hooks/useChat';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { Button } from '../Button';

interface ChatPanelProps {
  ticketId: string;
  /** The visitor's language, in which quick replies are sent; the console's own if unknown. */
  language?: Language;
}

/**
 * Text chat with the visitor: the conversation (whatever a message holds is shown as text), the
 * visitor typing, the count of their unread messages, the office's quick replies, and a field.
 * Enter sends; Shift+Enter starts a new line.
 */
export function ChatPanel({ ticketId, language }: ChatPanelProps) {
  const { t } = useTranslation();
  const uiLanguage = useUiLanguage();
  const { messages, replies, peerTyping, error, unread, send, typing } = useChat(ticketId);
  const [draft, setDraft] = useState('');
  const headingId = useId();
  const fieldId = useId();
  const replyIn = language ?? uiLanguage;

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const text = draft.trim();
    if (text && (await send(text))) setDraft('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey) void submit(event);
  };

  return (
    <section className="chat-panel" aria-labelledby={headingId}>
      <h3 id={headingId} className="chat-panel__heading">
        {t('chat.heading')}
        {unread > 0 && (
          <span className="chat-panel__unread">{t('chat.unread', { count: unread })}</span>
        )}
      </h3>
      {/* Focusable so that a keyboard can scroll back through the conversation. */}
      {}
      <div
        className="chat-panel__scroll"
        role="log"
        aria-live="polite"
        aria-label={t('chat.log')}
        // The log scrolls: it takes focus, so a keyboard can scroll back (WCAG 2.1.1).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
      >
        <ol className="chat-panel__log">
          {messages.length === 0 && <li className="chat-panel__empty">{t('chat.empty')}</li>}
          {messages.map((m) => (
            <li key={m.id} className={`chat-panel__message chat-panel__message--${m.from}`}>
              <span className="chat-panel__author">
                {m.from === 'agent' ? t('chat.you') : t('chat.visitor')}
              </span>
              <span className="chat-panel__text">{m.text}</span>
              {m.from === 'agent' && (
                <span className="chat-panel__status">
                  {m.readAt ? t('chat.read') : t('chat.sent')}
                </span>
              )}
            </li>
          ))}
        </ol>
      </div>
      <p role="status" className="chat-panel__typing">
        {peerTyping ? t('chat.typing') : ''}
      </p>
      {replies.length > 0 && (
        <div className="chat-panel__replies" role="group" aria-label={t('chat.quickReplies')}>
          {replies.map((reply) => (
            <Button key={reply.id} onClick={() => void send(reply[replyIn])}>
              {reply[uiLanguage]}
            </Button>
          ))}
        </div>
      )}
      <form className="chat-panel__form" onSubmit={(event) => void submit(event)}>
        <label htmlFor={fieldId}>{t('chat.message')}</label>
        <textarea
          id={fieldId}
          value={draft}
          rows={2}
          maxLength={CHAT_MAX_LENGTH}
          onChange={(event) => {
            setDraft(event.target.value);
            typing();
          }}
          onKeyDown={onKeyDown}
        />
        <Button type="submit" variant="primary" disabled={!draft.trim()}>
          {t('chat.send')}
        </Button>
      </form>
      {error && (
        <p role="alert" className="chat-panel__error">
          {t(`errors.${error}`)}
        </p>
      )}
    </section>
  );
}
