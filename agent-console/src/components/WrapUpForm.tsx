import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../hooks/useCommand';
import { useConsole } from '../hooks/useConsole';
import { useUiLanguage } from '../hooks/useUiLanguage';
import { agentCommand } from '../lib/agent-commands';
import { Button } from './Button';
import { CallNotesField, WRAP_UP_NOTES_ID } from './CallNotesField';

/**
 * Wrap-up of the call just served: the officer finishes their notes and picks how the visit
 * ended from the office's list; saving again replaces both.
 */
export function WrapUpForm({
  ticketId,
  ticketNumber,
  disposition: kept,
}: {
  ticketId: string;
  ticketNumber: string;
  disposition: string | null;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const headingId = useId();
  const dispositions = useConsole((state) => state.dispositions);
  const notes = useConsole((state) => state.callNotes);
  const [disposition, setDisposition] = useState(kept);
  const [saved, setSaved] = useState(false);
  const command = useCommand();
  const save = async () => {
    setSaved(false);
    const record = { ticketId, notes, ...(disposition ? { disposition } : {}) };
    if (await command.run(() => agentCommand('call:record', record))) setSaved(true);
  };
  return (
    <section className="card wrap-up" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('wrapUp.heading', { number: ticketNumber })}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <CallNotesField id={WRAP_UP_NOTES_ID} />
        <fieldset className="choices">
          <legend>{t('wrapUp.outcome')}</legend>
          {dispositions.map((option) => (
            <label key={option.id} className="choice">
              <input
                type="radio"
                name="disposition"
                value={option.id}
                checked={disposition === option.id}
                onChange={() => {
                  setDisposition(option.id);
                  setSaved(false);
                }}
              />
              {option.label[language]}
            </label>
          ))}
        </fieldset>
        <Button type="submit" variant="primary" disabled={command.pending}>
          {t('wrapUp.save')}
        </Button>
      </form>
      <p role="status">{saved ? t('wrapUp.saved') : ''}</p>
      <div role="alert" className="message message-error">
        {command.error && t(`errors.${command.error}`)}
      </div>
    </section>
  );
}
