import type { AgentView, QueueTicket } from '@loket/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../components/AppHeader';
import { AgentStateDialog } from '../components/manager/AgentStateDialog';
import { CallsInProgressTable } from '../components/manager/CallsInProgressTable';
import { CountersStrip } from '../components/manager/CountersStrip';
import { KioskMessageForm } from '../components/manager/KioskMessageForm';
import { MonitorDialog } from '../components/manager/MonitorDialog';
import { OfficersTable } from '../components/manager/OfficersTable';
import { TicketActionDialog, type TicketAction } from '../components/manager/TicketActionDialog';
import { WaitingTicketsTable } from '../components/manager/WaitingTicketsTable';
import { OfflineBanner } from '../components/OfflineBanner';
import { PageMessages } from '../components/PageMessages';
import { useConsole } from '../hooks/useConsole';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useManagerConnection } from '../hooks/useManagerConnection';
import { useNow } from '../hooks/useNow';

/** The manager action whose dialog is open. */
type OpenAction =
  | { kind: 'ticket'; action: TicketAction; ticket: QueueTicket }
  | { kind: 'agent'; agent: AgentView }
  | { kind: 'monitor'; ticket: QueueTicket };

/** The live queue for desk managers: figures, waiting tickets and officers, and acting on them. */
export default function ManagerPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('manager.heading'));
  useManagerConnection();
  const queue = useConsole((state) => state.queue);
  const clockOffset = useConsole((state) => state.clockOffset);
  // Only LiveKit calls pass through a server a manager can join; peer-to-peer ones cannot be watched.
  const canWatch = useConsole((state) => state.user?.mediaTransport === 'livekit');
  const now = useNow() + clockOffset;
  const [open, setOpen] = useState<OpenAction | null>(null);
  const close = () => setOpen(null);
  return (
    <>
      <AppHeader />
      <main className="page manager-page">
        <OfflineBanner />
        <h1 tabIndex={-1}>{t('manager.heading')}</h1>
        <PageMessages />
        {queue ? (
          <>
            <CountersStrip counters={queue.counters} />
            <div className="queue-tables">
              <WaitingTicketsTable
                tickets={queue.tickets}
                now={now}
                onAction={(action, ticket) => setOpen({ kind: 'ticket', action, ticket })}
              />
              <OfficersTable
                agents={queue.agents}
                onChangeState={(agent) => setOpen({ kind: 'agent', agent })}
              />
              {canWatch && (
                <CallsInProgressTable
                  tickets={queue.tickets}
                  agents={queue.agents}
                  onWatch={(ticket) => setOpen({ kind: 'monitor', ticket })}
                />
              )}
            </div>
          </>
        ) : (
          <p>{t('manager.loading')}</p>
        )}
        <KioskMessageForm />
        {open?.kind === 'ticket' && (
          <TicketActionDialog
            action={open.action}
            ticket={open.ticket}
            agents={queue?.agents ?? []}
            onClose={close}
          />
        )}
        {open?.kind === 'agent' && <AgentStateDialog agent={open.agent} onClose={close} />}
        {open?.kind === 'monitor' && (
          <MonitorDialog key={open.ticket.id} ticket={open.ticket} onClose={close} />
        )}
      </main>
    </>
  );
}
