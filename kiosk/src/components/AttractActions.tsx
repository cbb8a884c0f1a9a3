import { useTranslation } from 'react-i18next';
import { startSigningVisit, startVisit } from '../store/journey';
import { useKiosk } from '../store/kiosk-store';
import { setLanguage } from '../store/settings';
import { LanguageSwitch } from './LanguageSwitch';

/** The attract screen's ways in (for everyone, for visitors who sign) and its choice of language. */
export function AttractActions() {
  const { t } = useTranslation();
  const language = useKiosk((state) => state.language);
  return (
    <>
      <button type="button" className="button button--primary button--hero" onClick={startVisit}>
        {t('attract.start')}
      </button>
      <button type="button" className="button button--secondary" onClick={startSigningVisit}>
        {t('attract.signLanguage')}
      </button>
      <LanguageSwitch current={language} onChoose={setLanguage} />
    </>
  );
}
