import { useTranslation } from 'react-i18next';
import { Heading } from '../components/Heading';

/** Shown for the moment between switching on and the server's first answer. */
export function StartingScreen() {
  const { t } = useTranslation();
  return (
    <section className="screen">
      <Heading>{t('starting.title')}</Heading>
    </section>
  );
}
