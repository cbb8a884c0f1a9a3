import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { AttractActions } from '../components/AttractActions';
import { Heading } from '../components/Heading';
import { useKiosk } from '../store/kiosk-store';

/**
 * The idle screen: whose office this is (its logo and colour when it set them), one big way in, a
 * way in for visitors who sign (so a Deaf visitor learns at once that BISINDO is served), and the
 * choice of language.
 */
export function AttractScreen() {
  const { t } = useTranslation();
  const office = useKiosk((state) => state.office);
  const language = useKiosk((state) => state.language);
  const notice = useKiosk((state) => state.notice);
  const brand = office?.brand;
  return (
    <section
      className="screen screen--attract"
      style={brand?.color ? ({ '--brand': brand.color } as CSSProperties) : undefined}
    >
      {office?.brand.logoUrl && (
        <img className="office-logo" src={office.brand.logoUrl} alt={office.name[language]} />
      )}
      <Heading>{office ? office.name[language] : t('app.name')}</Heading>
      <p className="lead">{t('attract.intro')}</p>
      <p role="status" className="notice">
        {notice && t(`notice.${notice}`)}
      </p>
      <AttractActions />
    </section>
  );
}
