import { useTranslation } from 'react-i18next';
import { WallboardFigures } from '../components/wallboard/WallboardFigures';
import { useConsole } from '../hooks/useConsole';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useManagerConnection } from '../hooks/useManagerConnection';
import { useNow } from '../hooks/useNow';
import { useUiLanguage } from '../hooks/useUiLanguage';
import { formatClock } from '../lib/format-clock';
import { pathFor } from '../lib/route';
import { wallboardFigures } from '../lib/wallboard-figures';

const MANAGER_PATH = pathFor('manager', import.meta.env.BASE_URL);

/**
 * The manager's live figures for a wall screen: nothing to operate but the way back. It follows
 * the same socket as the live queue, so it updates with every change and catches up by itself
 * after a reconnect; the clock and the longest wait tick in between.
 */
export default function WallboardPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  useDocumentTitle(t('wallboard.heading'));
  useManagerConnection();
  const queue = useConsole((state) => state.queue);
  const clockOffset = useConsole((state) => state.clockOffset);
  const offline = useConsole((state) => state.connection === 'disconnected');
  const now = useNow() + clockOffset;
  return (
    <main className="wallboard">
      <header className="wallboard__bar">
        <h1>{t('wallboard.heading')}</h1>
        <p className="wallboard__clock">
          <span className="visually-hidden">{t('wallboard.clock')} </span>
          <time>{formatClock(now, language)}</time>
        </p>
        <a className="wallboard__exit" href={MANAGER_PATH}>
          {t('wallboard.exit')}
        </a>
      </header>
      <div role="status" className="wallboard__status">
        {offline && t('connection.offline')}
      </div>
      {queue ? (
        <WallboardFigures figures={wallboardFigures(queue, now)} />
      ) : (
        <p className="wallboard__loading">{t('manager.loading')}</p>
      )}
    </main>
  );
}
