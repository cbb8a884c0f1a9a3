import { useTranslation } from 'react-i18next';
import { AttractActions } from '../components/AttractActions';
import { Heading } from '../components/Heading';
import { useKiosk } from '../store/kiosk-store';

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
      <AttractActions />
    </section>
  );
}
