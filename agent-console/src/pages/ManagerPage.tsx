import { useTranslation } from 'react-i18next';
import { AppHeader } from '../components/AppHeader';
import { OfficersTable } from '../components/manager/OfficersTable';
import { WaitingTicketsTable } from '../components/manager/WaitingTicketsTable';
import { OfflineBanner } from '../components/OfflineBanner';
import { PageMessages } from '../components/PageMessages';
import { useConsole } from '../hooks/useConsole';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useManagerConnection } from '../hooks/useManagerConnection';
import { useNow } from '../hooks/useNow';

/** The live queue for desk managers: waiting tickets and officers, updated as they change. */
export default function ManagerPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('manager.heading'));
  useManagerConnection();
  const queue = useConsole((state) => state.queue);
  const clockOffset = useConsole((state) => state.clockOffset);
  const now = useNow() + clockOffset;
  return (
    <>
      <AppHeader />
      <main className="page manager-page">
        <OfflineBanner />
        <h1 tabIndex={-1}>{t('manager.heading')}</h1>
        <PageMessages />
        {queue ? (
          <div className="queue-tables">
            <WaitingTicketsTable tickets={queue.tickets} now={now} />
            <OfficersTable agents={queue.agents} />
          </div>
        ) : (
          <p>{t('manager.loading')}</p>
        )}
      </main>
    </>
  );
}
