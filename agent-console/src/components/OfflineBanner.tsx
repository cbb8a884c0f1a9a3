import { useTranslation } from 'react-i18next';
import { useConsole } from '../hooks/useConsole';

/** Says so while the live link to the server is down; socket.io reconnects by itself. */
export function OfflineBanner() {
  const { t } = useTranslation();
  const offline = useConsole((state) => state.connection === 'disconnected');
  return (
    <div role="status" className="banner banner-offline">
      {offline && t('connection.offline')}
    </div>
  );
}
