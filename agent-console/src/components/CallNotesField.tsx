import { CALL_NOTES_MAX } from '@loket/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../hooks/useConsole';
import { callNotesChanged } from '../store/actions';

/** Where the wrap-up hint sends the officer: the notes field of the call they just served. */
export const WRAP_UP_NOTES_ID = 'wrap-up-notes';

/**
 * The officer's notes on the call, for the office (the visitor never sees them). One draft from
 * the call into its wrap-up, so nothing typed is lost when the call ends; the browser keeps it
 * to the length the server takes.
 */
export function CallNotesField({ id }: { id?: string }) {
  const { t } = useTranslation();
  const ownId = useId();
  const hintId = useId();
  const notes = useConsole((state) => state.callNotes);
  const fieldId = id ?? ownId;
  return (
    <div className="field">
      <label htmlFor={fieldId}>{t('callNotes.label')}</label>
      <textarea
        id={fieldId}
        value={notes}
        rows={4}
        maxLength={CALL_NOTES_MAX}
        aria-describedby={hintId}
        onChange={(event) => callNotesChanged(event.target.value)}
      />
      <p id={hintId} className="field-hint">
        {t('callNotes.hint', { max: CALL_NOTES_MAX })}
      </p>
    </div>
  );
}
