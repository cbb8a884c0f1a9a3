import { useTranslation } from 'react-i18next';
import { Heading } from '../components/Heading';
import { useCountdown } from '../hooks/useCountdown';
import { finishVisit } from '../store/journey';

/** Seconds before the kiosk is ready for the next visitor. */
export const THANKS_SECONDS = 10;

/** A thank-you, then back to the start; the visitor may go at once. */
export function ThanksScreen() {
  const { t } = useTranslation();
  const left = useCountdown(THANKS_SECONDS, finishVisit);
  return (
    <section className="screen">
      <Heading>{t('thanks.title')}</Heading>
      <p className="lead">{t('thanks.body')}</p>
      <p className="countdown">{t('thanks.countdown', { count: left })}</p>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={finishVisit}>
          {t('thanks.finish')}
        </button>
      </div>
    </section>
  );
}
