import type { AgentView, KioskStatus, QueueTicket } from '@loket/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../components/AppHeader';
import { AgentStateDialog } from '../components/manager/AgentStateDialog';
import { CallsInProgressTable } from '../components/manager/CallsInProgressTable';
import { ComplaintsPanel } from '../components/manager/ComplaintsPanel';
import { CountersStrip } from '../components/manager/CountersStrip';
import {
  KioskActionDialog,
  type ConfirmedKioskAction,
} from '../components/manager/KioskActionDialog';
import { KioskAlerts } from '../components/manager/KioskAlerts';
import { KioskMessageForm } from '../components/manager/KioskMessageForm';
import { KiosksTable, type KioskAction } from '../components/manager/KiosksTable';
import { PersonalDataForm } from '../components/manager/PersonalDataForm';
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
import { errorCodeOf } from '../lib/errors';
import { managerCommand } from '../lib/manager-commands';
import { pathFor } from '../lib/route';
import { errorShown, noticeShown } from '../store/actions';

/** The manager action whose dialog is open. */
type OpenAction =
  | { kind: 'ticket'; action: TicketAction; ticket: QueueTicket }
  | { kind: 'agent'; agent: AgentView }
  | { kind: 'monitor'; ticket: QueueTicket }
  | { kind: 'kiosk'; action: ConfirmedKioskAction; kiosk: KioskStatus };

const WALLBOARD_PATH = pathFor('wallboard', import.meta.env.BASE_URL);

/** A device check asks nothing of anyone at the kiosk, so it runs without a dialog. */
async function checkKiosk(kiosk: KioskStatus): Promise<void> {
  try {
    await managerCommand('kiosk:selfTest', { kioskId: kiosk.id });
    noticeShown('kioskSelfTestRequested');
  } catch (error) {
    errorShown(errorCodeOf(error));
  }
}

/**
 * The live queue for desk managers: figures, waiting tickets, officers and kiosks, and acting on
 * them.
 */
export default function ManagerPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('manager.heading'));
  useManagerConnection();
  const queue = useConsole((state) => state.queue);
  const kiosks = useConsole((state) => state.kiosks);
  const clockOffset = useConsole((state) => state.clockOffset);
  // Only LiveKit calls pass through a server a manager can join; peer-to-peer ones cannot be watched.
  const canWatch = useConsole((state) => state.user?.mediaTransport === 'livekit');
  const isAdmin = useConsole((state) => state.user?.role === 'admin');
  const now = useNow() + clockOffset;
  const [open, setOpen] = useState<OpenAction | null>(null);
  const close = () => setOpen(null);
  const onKioskAction = (action: KioskAction, kiosk: KioskStatus) =>
    action === 'selfTest' ? void checkKiosk(kiosk) : setOpen({ kind: 'kiosk', action, kiosk });
  return (
    <>
      <AppHeader />
      <main className="page manager-page">
        <OfflineBanner />
        <h1 tabIndex={-1}>{t('manager.heading')}</h1>
        <p>
          <a href={WALLBOARD_PATH}>{t('wallboard.open')}</a>
        </p>
        <PageMessages />
        {kiosks && <KioskAlerts kiosks={kiosks} now={now} />}
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
              <CallsInProgressTable
                tickets={queue.tickets}
                agents={queue.agents}
                onWatch={canWatch ? (ticket) => setOpen({ kind: 'monitor', ticket }) : undefined}
              />
              {!canWatch && <p className="hint">{t('monitor.p2pNote')}</p>}
            </div>
          </>
        ) : (
          <p>{t('manager.loading')}</p>
        )}
        {kiosks && <KiosksTable kiosks={kiosks} now={now} onAction={onKioskAction} />}
        <ComplaintsPanel />
        <KioskMessageForm />
        {isAdmin && <PersonalDataForm />}
        {open?.kind === 'ticket' && (
          <TicketActionDialog
            action={open.action}
            ticket={open.ticket}
            agents={queue?.agents ?? []}
            onClose={close}
          />
        )}
        {open?.kind === 'agent' && <AgentStateDialog agent={open.agent} onClose={close} />}
        {open?.kind === 'kiosk' && (
          <KioskActionDialog action={open.action} kiosk={open.kiosk} onClose={close} />
        )}
        {open?.kind === 'monitor' && (
          <MonitorDialog key={open.ticket.id} ticket={open.ticket} onClose={close} />
        )}
      </main>
    </>
  );
}
