import { useTranslation } from 'react-i18next';
import { startSigningVisit, startVisit } from '../store/journey';
import { LanguageSwitch } from './LanguageSwitch';

/** The attract screen's ways in (for everyone, for visitors who sign) and its choice of language. */
export function AttractActions() {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" className="button button--primary button--hero" onClick={startVisit}>
        {t('attract.start')}
      </button>
      <button type="button" className="button button--secondary" onClick={startSigningVisit}>
        {t('attract.signLanguage')}
      </button>
      <LanguageSwitch />
    </>
  );
}
