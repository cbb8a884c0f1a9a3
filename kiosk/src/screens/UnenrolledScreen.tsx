import { useTranslation } from 'react-i18next';
import { Heading } from '../components/Heading';

/** The kiosk has no valid device token: only staff can help, so say so plainly. */
export function UnenrolledScreen() {
  const { t } = useTranslation();
  return (
    <section className="screen">
      <Heading>{t('unenrolled.title')}</Heading>
      <p className="lead">{t('unenrolled.body')}</p>
    </section>
  );
}
