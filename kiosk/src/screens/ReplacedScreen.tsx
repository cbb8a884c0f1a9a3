import { useTranslation } from 'react-i18next';
import { Heading } from '../components/Heading';
import { startConnection } from '../lib/load-connection';
import { markStarting } from '../store/server-events';

/**
 * This kiosk was opened on another screen, which now holds its connection. It does not fight
 * for it: staff decide which screen serves, and taking it back is one deliberate tap.
 */
export function ReplacedScreen() {
  const { t } = useTranslation();
  function takeBack() {
    markStarting();
    startConnection();
  }
  return (
    <section className="screen">
      <Heading>{t('replaced.title')}</Heading>
      <p className="lead">{t('replaced.body')}</p>
      <button type="button" className="button button--primary" onClick={takeBack}>
        {t('replaced.takeBack')}
      </button>
    </section>
  );
}
