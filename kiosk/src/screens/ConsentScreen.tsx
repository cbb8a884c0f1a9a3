import { isRoutingNeed } from '@loket/shared';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import { Heading } from '../components/Heading';
import { OnDuty } from '../components/OnDuty';
import { useKiosk } from '../store/kiosk-store';
import { declineConsent, takeTicket } from '../store/journey';
import { loadWaitingScreen } from './load-waiting-screen';

/** What the call uses and what is kept, before the camera opens or a ticket exists. */
export function ConsentScreen() {
  const { t } = useTranslation();
  // Fetch the waiting screen while the visitor reads, so the ticket shows without a pause.
  useEffect(() => void loadWaitingScreen(), []);
  const busy = useKiosk((state) => state.busy);
  const failed = useKiosk((state) => state.error !== null);
  const service = useKiosk((state) => state.services.find((s) => s.id === state.serviceId));
  const language = useKiosk((state) => state.language);
  const declared = useKiosk((state) => state.needs).filter(isRoutingNeed);
  const retention = useKiosk((state) => state.office?.retention);
  // The office's own words on keeping data, when it wrote them, stand in for the kiosk's.
  const own = useKiosk((state) => state.office?.consentText[language]);
  const speechLeaves = useKiosk((state) => state.speechLeavesOffice);
  return (
    <section className="screen" aria-busy={busy}>
      <Heading>{t('consent.title')}</Heading>
      {service && (
        <p className="subtle">{t('consent.service', { service: service.name[language] })}</p>
      )}
      <OnDuty needs={declared} />
      <ul className="facts">
        <li>{t('consent.camera')}</li>
        <li>{t('consent.notRecorded')}</li>
        {speechLeaves && <li>{t('consent.speechLeaves')}</li>}
        {own ? (
          <li className="consent-own">{own}</li>
        ) : (
          <>
            <li>{t('consent.kept')}</li>
            {retention && <li>{t('consent.summaryKept', { count: retention.summaryDays })}</li>}
          </>
        )}
      </ul>
      <p className="lead">{t('consent.question')}</p>
      <p role="status" className="subtle">
        {busy && t('consent.busy')}
      </p>
      <ErrorMessage />
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={declineConsent}>
          {t('consent.decline')}
        </button>
        <button
          type="button"
          className="button button--primary"
          aria-disabled={busy}
          onClick={() => void takeTicket()}
        >
          {failed ? t('consent.retry') : t('consent.agree')}
        </button>
      </div>
    </section>
  );
}
