import { CHAT_MAX_LENGTH } from '@loket/shared';
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../styles/chat.css';
import { useChat } from './useChat';

// The keyboard is fetched when the visitor starts writing: a quick phrase needs none.
const OnScreenKeyboard = lazy(() => import('../components/OnScreenKeyboard'));

/** Phrases a visitor often needs, sent with one tap in the visitor's language. */
const QUICK_PHRASES = ['deaf', 'repeat', 'type', 'slower', 'thanks'] as const;

/** Errors a send can meet that the visitor is told about in words of their own. */
const KNOWN_ERRORS = new Set(['RATE_LIMITED', 'NOT_IN_CALL', 'FORBIDDEN', 'BAD_REQUEST']);

/**
 * Text chat with the officer, in large type: the conversation (each of the visitor's messages
 * says whether it was sent or read), quick phrases, and the on-screen keyboard for writing.
 * Whatever a message holds is shown as text.
 *
 * Closed, it is one button under the screen's own actions, so that those stay where the layout
 * puts them (at the foot of the screen in low reach). It opens by itself when the officer writes,
 * and from the start for a visitor who asked for sign language.
 */
export default function ChatPanel({
  ticketId,
  startOpen = false,
}: {
  ticketId: string;
  startOpen?: boolean;
}) {
  const { t } = useTranslation('chat');
  const { t: tKiosk } = useTranslation();
  const [open, setOpen] = useState(startOpen);
  const { messages, peerTyping, error, send, typing } = useChat(ticketId, open);
  const [draft, setDraft] = useState('');
  const [writing, setWriting] = useState(false);
  const headingId = useId();
  const bodyId = useId();
  const draftId = useId();
  const end = useRef<HTMLLIElement>(null);
  const fromOfficer = messages.filter((m) => m.from === 'agent').length;
  const [officerSeen, setOfficerSeen] = useState(0);
  // Adjusted while rendering, as React advises for state that follows other state.
  if (fromOfficer > officerSeen) {
    setOfficerSeen(fromOfficer);
    setOpen(true);
  }

  // A block body: scrolling may answer a promise, which React would take for a clean-up.
  useEffect(() => {
    void end.current?.scrollIntoView?.({ block: 'nearest' });
  }, [messages.length, open]);

  const submit = async () => {
    const text = draft.trim();
    if (!text) return;
    if (await send(text)) setDraft('');
  };

  return (
    <section className={open ? 'chat chat--open' : 'chat'} aria-labelledby={headingId}>
      <h2 id={headingId} className="chat__heading">
        <button
          type="button"
          className="chat__toggle"
          aria-expanded={open}
          aria-controls={open ? bodyId : undefined}
          onClick={() => setOpen(!open)}
        >
          {t('title')}
        </button>
      </h2>
      {open && (
        <div id={bodyId} className="chat__body">
          <div
            className="chat__scroll"
            role="log"
            aria-live="polite"
            aria-label={t('log')}
            // The log scrolls: it takes focus, so a keyboard can scroll back (WCAG 2.1.1).
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
            tabIndex={0}
          >
            <ol className="chat__log">
              {messages.length === 0 && <li className="chat__empty">{t('empty')}</li>}
              {messages.map((m) => (
                <li key={m.id} className={`chat__message chat__message--${m.from}`}>
                  <span className="visually-hidden">
                    {m.from === 'kiosk' ? t('you') : t('officer')}:{' '}
                  </span>
                  <span className="chat__text">{m.text}</span>
                  {m.from === 'kiosk' && (
                    <span className="chat__status">{m.readAt ? t('read') : t('sent')}</span>
                  )}
                </li>
              ))}
              <li ref={end} aria-hidden="true" />
            </ol>
          </div>
          <p role="status" className="chat__typing">
            {peerTyping ? t('typing') : ''}
          </p>
          {error && (
            <p role="alert" className="chat__error">
              {t(`error.${KNOWN_ERRORS.has(error) ? error : 'other'}` as 'error.other')}
            </p>
          )}
          <div className="chat__phrases" role="group" aria-label={t('phrases')}>
            {QUICK_PHRASES.map((phrase) => (
              <button
                key={phrase}
                type="button"
                className="button button--secondary chat__phrase"
                onClick={() => void send(t(`phrase.${phrase}`))}
              >
                {t(`phrase.${phrase}`)}
              </button>
            ))}
          </div>
          {writing ? (
            <div className="chat__compose">
              <label htmlFor={draftId} className="chat__label">
                {t('draft')}
              </label>
              <div className="chat__draft-row">
                <textarea
                  id={draftId}
                  className="chat__draft"
                  value={draft}
                  maxLength={CHAT_MAX_LENGTH}
                  rows={2}
                  readOnly
                />
                <button
                  type="button"
                  className="button chat__send"
                  disabled={!draft.trim()}
                  onClick={() => void submit()}
                >
                  {t('send')}
                </button>
              </div>
              <Suspense fallback={<p>{tKiosk('survey.comment.loading')}</p>}>
                <OnScreenKeyboard
                  onType={(text) => setDraft((d) => (d + text).slice(0, CHAT_MAX_LENGTH))}
                  onDelete={() => setDraft((d) => d.slice(0, -1))}
                  onPress={typing}
                />
              </Suspense>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setWriting(false)}
              >
                {t('closeKeyboard')}
              </button>
            </div>
          ) : (
            <button type="button" className="button chat__write" onClick={() => setWriting(true)}>
              {t('write')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
