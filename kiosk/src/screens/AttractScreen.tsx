import { useTranslation } from 'react-i18next';
import { Heading } from '../components/Heading';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useKiosk } from '../store/kiosk-store';
import { startSigningVisit, startVisit } from '../store/journey';
import { setLanguage } from '../store/settings';

/**
 * The idle screen: whose office this is, one big way in, a way in for visitors who sign (so a
 * Deaf visitor learns at once that BISINDO is served), and the choice of language.
 */
export function AttractScreen() {
  const { t } = useTranslation();
  const office = useKiosk((state) => state.office);
  const language = useKiosk((state) => state.language);
  const notice = useKiosk((state) => state.notice);
  return (
    <section className="screen">
      <Heading>{office ? office.name[language] : t('app.name')}</Heading>
      <p className="lead">{t('attract.intro')}</p>
      <p role="status" className="notice">
        {notice && t(`notice.${notice}`)}
      </p>
      <button type="button" className="button button--primary button--hero" onClick={startVisit}>
        {t('attract.start')}
      </button>
      <button type="button" className="button button--secondary" onClick={startSigningVisit}>
        {t('attract.signLanguage')}
      </button>
      <LanguageSwitch current={language} onChoose={setLanguage} />
    </section>
  );
}
