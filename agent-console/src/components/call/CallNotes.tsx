import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../hooks/useCommand';
import { useConsole } from '../../hooks/useConsole';
import { agentCommand } from '../../lib/agent-commands';
import { Button } from '../Button';
import { CallNotesField } from '../CallNotesField';

/** Notes during the call, kept with it on the server when the officer saves them. */
export function CallNotes({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const notes = useConsole((state) => state.callNotes);
  const [saved, setSaved] = useState<string | null>(null);
  const command = useCommand();
  const save = async () => {
    if (await command.run(() => agentCommand('call:record', { ticketId, notes }))) setSaved(notes);
  };
  return (
    <section className="card call-notes" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('callNotes.heading')}</h3>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <CallNotesField />
        <Button type="submit" disabled={command.pending}>
          {t('callNotes.save')}
        </Button>
      </form>
      <p role="status">{saved !== null && saved === notes ? t('callNotes.saved') : ''}</p>
      <div role="alert" className="message message-error">
        {command.error && t(`errors.${command.error}`)}
      </div>
    </section>
  );
}
