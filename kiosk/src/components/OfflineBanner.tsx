import { useTranslation } from 'react-i18next';
import { useKiosk } from '../store/kiosk-store';

/**
 * Says the kiosk lost its server without getting in the visitor's way; socket.io reconnects by
 * itself. The live region is always there, so screen readers hear the message when it appears.
 */
export function OfflineBanner() {
  const { t } = useTranslation();
  const offline = useKiosk(
    (state) => state.connection === 'offline' && state.phase !== 'unenrolled',
  );
  return (
    <div role="status" className={offline ? 'offline offline--shown' : 'offline'}>
      {offline && t('offline')}
    </div>
  );
}
