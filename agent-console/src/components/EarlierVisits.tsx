import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../hooks/useConsole';
import { useEarlierVisits } from '../hooks/useEarlierVisits';
import { useUiLanguage } from '../hooks/useUiLanguage';
import { formatClock } from '../lib/format-clock';

/**
 * "Earlier today": the visits the visitor said were theirs, each with its ticket, service, time,
 * outcome and the officer's notes (shown as text). Nothing when there are none.
 */
export function EarlierVisits({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const headingId = useId();
  const visits = useEarlierVisits(ticketId);
  const outcomes = useConsole((state) => state.dispositions);
  if (visits.length === 0) return null;
  return (
    <section className="earlier-visits" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('earlierVisits.heading')}</h3>
      <ul>
        {visits.map((visit) => (
          <li key={visit.ticketId}>
            <p>
              <strong className="ticket-number">{visit.ticketNumber}</strong> ·{' '}
              {visit.service[language]} · {formatClock(visit.at, language)}
            </p>
            <p>
              {t('earlierVisits.outcome')}:{' '}
              {visit.disposition
                ? (outcomes.find((d) => d.id === visit.disposition)?.label[language] ??
                  visit.disposition)
                : t('earlierVisits.noOutcome')}
            </p>
            {visit.notes && (
              <p className="earlier-visits__notes">
                {t('earlierVisits.notes')}: {visit.notes}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
