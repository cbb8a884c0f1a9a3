import { VISITOR_NOTE_MAX } from '@loket/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../hooks/useCommand';
import { agentCommand } from '../lib/agent-commands';
import { Button } from './Button';

/**
 * After a call, the officer's note to the visitor with the next steps: it appears in the summary
 * the visitor took home from the kiosk's QR code (which says "still writing" until it arrives).
 * Sending again replaces it. The officer may mark it as the visitor's complaint, which then waits
 * on the manager's dashboard to be forwarded to SP4N-LAPOR!.
 */
export function VisitorNoteForm({
  ticketId,
  ticketNumber,
}: {
  ticketId: string;
  ticketNumber: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = useId();
  const headingId = useId();
  const [note, setNote] = useState('');
  const [complaint, setComplaint] = useState(false);
  const [sent, setSent] = useState(false);
  const command = useCommand();
  const send = async () => {
    setSent(false);
    if (await command.run(() => agentCommand('visit:note', { ticketId, note, complaint })))
      setSent(true);
  };
  return (
    <section className="card visitor-note" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('visitorNote.heading', { number: ticketNumber })}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <div className="field">
          <label htmlFor={id}>{t('visitorNote.label')}</label>
          <textarea
            id={id}
            value={note}
            rows={4}
            maxLength={VISITOR_NOTE_MAX}
            required
            aria-describedby={hintId}
            onChange={(event) => {
              setNote(event.target.value);
              setSent(false);
            }}
          />
          <p id={hintId} className="field-hint">
            {t('visitorNote.hint', { max: VISITOR_NOTE_MAX })}
          </p>
        </div>
        <div className="field field-check">
          <label>
            <input
              type="checkbox"
              checked={complaint}
              onChange={(event) => {
                setComplaint(event.target.checked);
                setSent(false);
              }}
            />{' '}
            {t('visitorNote.complaint')}
          </label>
        </div>
        <Button type="submit" variant="primary" disabled={command.pending || note.trim() === ''}>
          {t('visitorNote.send')}
        </Button>
      </form>
      <p role="status">{sent ? t('visitorNote.sent') : ''}</p>
      <div role="alert" className="message message-error">
        {command.error && t(`errors.${command.error}`)}
      </div>
    </section>
  );
}
