import type { Language, VisitSummary } from '@loket/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';
// The shared instance, not the hook's: switching language must not start the polling again.
import texts from '../i18n';
import type { SummaryAnswer } from './summary-api';

/** How often the page asks again while the officer is still writing their note. */
export const POLL_MS = 5000;

/**
 * What the visitor takes home, on their phone: ticket, service, the officer's first name, their
 * note and next steps ("still writing" until it arrives) and the service's checklist, in the
 * ticket's language unless the visitor switches. A link past its time says so plainly.
 */
export function SummaryPage({
  token,
  fetchSummary,
}: {
  token: string | null;
  fetchSummary(token: string): Promise<SummaryAnswer>;
}) {
  const { t, i18n } = useTranslation('pages');
  const [answer, setAnswer] = useState<SummaryAnswer | { kind: 'loading' }>(
    token ? { kind: 'loading' } : { kind: 'notFound' },
  );
  const [summary, setSummary] = useState<VisitSummary | null>(null);
  const languageChosen = useRef(false);

  useEffect(() => {
    if (!token) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const next = await fetchSummary(token);
      if (stopped) return;
      setAnswer(next);
      if (next.kind === 'summary') {
        setSummary(next.summary);
        if (!languageChosen.current) void texts.changeLanguage(next.summary.language);
      }
      const waiting =
        next.kind === 'unreachable' || (next.kind === 'summary' && !next.summary.note);
      if (waiting) timer = setTimeout(() => void ask(), POLL_MS);
    };
    void ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [token, fetchSummary]);

  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);

  const choose = (language: Language) => {
    languageChosen.current = true;
    void i18n.changeLanguage(language);
  };
  const language = i18n.language === 'en' ? 'en' : 'id';
  const shown = answer.kind === 'summary' || answer.kind === 'unreachable' ? summary : null;
  return (
    <main className="visit">
      <LanguageSwitch current={language} onChoose={choose} />
      <h1>{t('summary.title')}</h1>
      {answer.kind === 'loading' && <p role="status">{t('summary.loading')}</p>}
      {answer.kind === 'notFound' && <p className="lead">{t('summary.notFound')}</p>}
      {answer.kind === 'gone' && <p className="lead">{t('summary.gone')}</p>}
      {answer.kind === 'unreachable' && <p role="alert">{t('summary.offline')}</p>}
      {shown && (
        <>
          <p className="visit__label">{t('summary.number')}</p>
          <p className="ticket-number">{shown.number}</p>
          <p>{t('summary.service', { service: shown.service[language] })}</p>
          {shown.officerFirstName && (
            <p>{t('summary.officer', { name: shown.officerFirstName })}</p>
          )}
          <h2>{t('summary.noteTitle')}</h2>
          {shown.note ? (
            <p className="summary__note">{shown.note}</p>
          ) : (
            <p role="status">{t('summary.writing')}</p>
          )}
          {shown.requirements.length > 0 && (
            <>
              <h2>{t('summary.requirements')}</h2>
              <ul className="summary__requirements">
                {shown.requirements.map((item) => (
                  <li key={item.id}>{item[language]}</li>
                ))}
              </ul>
            </>
          )}
          <p className="hint">
            {t('summary.until', {
              date: new Date(shown.availableUntil).toLocaleDateString(
                language === 'id' ? 'id-ID' : 'en-GB',
                { day: 'numeric', month: 'long', year: 'numeric' },
              ),
            })}
          </p>
        </>
      )}
    </main>
  );
}
