import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { AgentStatusCard } from '../components/AgentStatusCard';
import { AppHeader } from '../components/AppHeader';
import { CallbacksSection } from '../components/callbacks/CallbacksSection';
import { ConsoleReplaced } from '../components/ConsoleReplaced';
import { OfferDialog } from '../components/OfferDialog';
import { OfflineBanner } from '../components/OfflineBanner';
import { PageMessages } from '../components/PageMessages';
import { StatusControls } from '../components/StatusControls';
import { useAgentConnection } from '../hooks/useAgentConnection';
import { useConsole } from '../hooks/useConsole';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { VisitorNoteForm } from '../components/VisitorNoteForm';
import { WrapUpForm } from '../components/WrapUpForm';

const CallView = lazy(() => import('../components/call/CallView'));

/** The officer's console: state, availability, call-backs, the ringing offer and the call. */
export default function AgentPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('agent.heading'));
  useAgentConnection();
  const inCall = useConsole((state) => state.call !== null || state.agent?.status === 'busy');
  const replaced = useConsole((state) => state.connection === 'replaced');
  return (
    <>
      <AppHeader signOutDisabled={inCall} />
      <main className="page agent-page">
        <OfflineBanner />
        <h1 tabIndex={-1}>{t('agent.heading')}</h1>
        <PageMessages />
        {replaced ? <ConsoleReplaced /> : <ConsoleBody />}
      </main>
    </>
  );
}

/** The officer's state and controls, the ringing offer and the call. */
function ConsoleBody() {
  const { t } = useTranslation();
  const offer = useConsole((state) => state.offer);
  const call = useConsole((state) => state.call);
  const busy = useConsole((state) => state.agent?.status === 'busy');
  const wrappingUp = useConsole((state) => state.agent?.status === 'wrap_up');
  const lastServed = useConsole((state) => state.lastServed);
  const inCall = call !== null || busy;
  return (
    <>
      <AgentStatusCard />
      {!inCall && <StatusControls />}
      {!inCall && wrappingUp && lastServed && (
        // Keyed apart from the note to the visitor below: siblings share one set of keys.
        <WrapUpForm key={`wrap-up-${lastServed.ticketId}`} {...lastServed} />
      )}
      {!inCall && lastServed && (
        <VisitorNoteForm
          key={lastServed.ticketId}
          ticketId={lastServed.ticketId}
          ticketNumber={lastServed.ticketNumber}
        />
      )}
      {call && (
        <Suspense fallback={<p role="status">{t('call.loading')}</p>}>
          <CallView call={call} />
        </Suspense>
      )}
      {!inCall && <CallbacksSection />}
      {offer && !call && <OfferDialog key={offer.ticketId} offer={offer} />}
    </>
  );
}
