import { useTranslation } from 'react-i18next';
import { ChannelList } from '../components/ChannelList';
import { Heading } from '../components/Heading';
import { useKiosk } from '../store/kiosk-store';

/**
 * A manager took this kiosk out of service: say so plainly, send the visitor to another kiosk,
 * and show the other ways to reach the office, so that it is no dead end.
 */
export function ClosedScreen() {
  const { t } = useTranslation();
  const channels = useKiosk((state) => state.office?.channels ?? []);
  return (
    <section className="screen">
      <Heading>{t('closed.title')}</Heading>
      <p className="lead notice">{t('closed.body')}</p>
      {channels.length > 0 && (
        <>
          <p className="lead">{t('closed.channels')}</p>
          <ChannelList channels={channels} />
        </>
      )}
    </section>
  );
}
