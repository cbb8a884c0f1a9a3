import { useTranslation } from 'react-i18next';
import { Heading } from '../components/Heading';
import { useCountdown } from '../hooks/useCountdown';
import { finishVisit } from '../store/journey';
import { useKiosk } from '../store/kiosk-store';

/** Seconds the confirmation stays, long enough to check the number, before the next visitor. */
export const CALLBACK_SENT_SECONDS = 20;

/** The call-back request is stored: say which number will be called, then back to the start. */
export function CallbackSentScreen() {
  const { t } = useTranslation();
  const phone = useKiosk((state) => state.callbackPhone);
  const left = useCountdown(CALLBACK_SENT_SECONDS, finishVisit);
  return (
    <section className="screen">
      <Heading>{t('callbackSent.title')}</Heading>
      <p className="lead">{t('callbackSent.body', { phone })}</p>
      <p className="countdown">{t('callbackSent.countdown', { count: left })}</p>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={finishVisit}>
          {t('callbackSent.home')}
        </button>
      </div>
    </section>
  );
}
