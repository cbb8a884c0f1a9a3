import { useTranslation } from 'react-i18next';
import { AttractActions } from '../components/AttractActions';
import { Heading } from '../components/Heading';
import { rememberedOfficeName } from '../lib/remembered-office';
import { useKiosk } from '../store/kiosk-store';

/**
 * Shown for the moment between switching on and the server's first answer. A kiosk that has
 * served before lays out its attract screen at once (the office's name, what the kiosk is for,
 * and the place its controls will take), so the attract screen replaces it without anything
 * moving.
 */
export function StartingScreen() {
  const { t } = useTranslation();
  const language = useKiosk((state) => state.language);
  const office = rememberedOfficeName();
  if (!office) {
    return (
      <section className="screen">
        <Heading>{t('starting.title')}</Heading>
      </section>
    );
  }
  return (
    <section className="screen">
      <Heading>{office[language]}</Heading>
      <p className="lead">{t('attract.intro')}</p>
      <div className="starting__pending">
        <p role="status" className="starting__status">
          {t('starting.title')}
        </p>
        <div className="starting__controls" aria-hidden="true" inert>
          <AttractActions />
        </div>
      </div>
    </section>
  );
}
