import type { EarlierTicket } from '@loket/shared';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { command } from '../lib/commands';
import { kioskStore, useKiosk } from '../store/kiosk-store';

/**
 * Asks once whether the ticket last served at this kiosk today was the visitor's. Only a yes links
 * the new ticket to it, so the officer sees what came of the earlier visit; no answer means no.
 * Lazily loaded with the consent screen's later texts.
 */
export function EarlierVisitQuestion() {
  const { t } = useTranslation();
  const legendId = useId();
  const [earlier, setEarlier] = useState<EarlierTicket['earlier']>(null);
  const chosen = useKiosk((state) => state.earlierTicketId);
  useEffect(() => {
    let open = true;
    void command('ticket:earlier', {}).then((result) => {
      if (open && result.ok) setEarlier(result.data.earlier);
    });
    return () => {
      open = false;
    };
  }, []);
  if (!earlier) return null;
  const answer = (yes: boolean) =>
    kioskStore.setState({ earlierTicketId: yes ? earlier.ticketId : null });
  return (
    <div role="group" aria-labelledby={legendId} className="earlier-visit">
      <p id={legendId} className="lead">
        {t('earlier.question', { number: earlier.number })}
      </p>
      <div className="actions">
        <button
          type="button"
          className="button button--toggle"
          aria-pressed={chosen === earlier.ticketId}
          onClick={() => answer(true)}
        >
          {t('earlier.yes')}
        </button>
        <button
          type="button"
          className="button button--toggle"
          aria-pressed={chosen !== earlier.ticketId}
          onClick={() => answer(false)}
        >
          {t('earlier.no')}
        </button>
      </div>
    </div>
  );
}
