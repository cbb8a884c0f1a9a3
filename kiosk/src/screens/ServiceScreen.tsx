import { useTranslation } from 'react-i18next';
import { Heading } from '../components/Heading';
import { ServiceTile } from '../components/ServiceTile';
import { useKiosk } from '../store/kiosk-store';
import { backToAttract, chooseService } from '../store/journey';

/** The services of this office as large tiles. */
export function ServiceScreen() {
  const { t } = useTranslation();
  const services = useKiosk((state) => state.services);
  return (
    <section className="screen">
      <Heading>{t('service.title')}</Heading>
      {services.length === 0 ? (
        <p className="lead">{t('service.none')}</p>
      ) : (
        <ul className="tiles">
          {services.map((service) => (
            <li key={service.id}>
              <ServiceTile service={service} onChoose={() => chooseService(service.id)} />
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={backToAttract}>
          {t('service.back')}
        </button>
      </div>
    </section>
  );
}
