import { ROUTING_NEEDS } from '@loket/shared';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading } from '../components/Heading';
import { ServiceTile } from '../components/ServiceTile';
import { OnDuty } from '../components/OnDuty';
import { NeedToggle } from '../components/ServiceNeeds';
import { useKiosk } from '../store/kiosk-store';
import { backToAttract, chooseService, refreshOnDuty } from '../store/journey';
import { loadUnavailableScreens } from './load-unavailable-screens';

/** The services of this office as large tiles, and the choice of being served in BISINDO. */
export function ServiceScreen() {
  const { t } = useTranslation();
  const services = useKiosk((state) => state.services);
  const busy = useKiosk((state) => state.busy);

  useEffect(() => {
    void refreshOnDuty();
    // Fetch the "nobody can serve" screens now, so they open at once if they are needed.
    void loadUnavailableScreens();
  }, []);

  return (
    <section className="screen" aria-busy={busy}>
      <Heading>{t('service.title')}</Heading>
      <OnDuty needs={ROUTING_NEEDS} />
      {/* Sign language on the screen itself, not only in the accessibility menu: a Deaf visitor
          who came in by the main button still sees that BISINDO is served. */}
      <NeedToggle need="sign_language" />
      {services.length === 0 ? (
        <p className="lead">{t('service.none')}</p>
      ) : (
        <ul className="tiles">
          {services.map((service) => (
            <li key={service.id}>
              <ServiceTile service={service} onChoose={() => void chooseService(service.id)} />
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="subtle">
        {busy && t('service.checking')}
      </p>
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={backToAttract}>
          {t('service.back')}
        </button>
      </div>
    </section>
  );
}
