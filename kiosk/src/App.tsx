import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { AccessibilityMenu } from './components/AccessibilityMenu';
import { Heading } from './components/Heading';
import { InactivityGuard } from './components/InactivityGuard';
import { OfflineBanner } from './components/OfflineBanner';
import { AttractScreen } from './screens/AttractScreen';
import { ConsentScreen } from './screens/ConsentScreen';
import { loadCallScreen } from './screens/load-call-screen';
import { ServiceScreen } from './screens/ServiceScreen';
import { StartingScreen } from './screens/StartingScreen';
import { ThanksScreen } from './screens/ThanksScreen';
import { UnenrolledScreen } from './screens/UnenrolledScreen';
import { WaitingScreen } from './screens/WaitingScreen';
import { useKiosk, type Phase } from './store/kiosk-store';

const CallScreen = lazy(loadCallScreen);

/** Screens that reset after inactivity; a queued visitor or a call never times out. */
const TIMED_OUT: readonly Phase[] = ['service', 'consent'];

/** The kiosk: one screen at a time, chosen by the phase of the visit. */
export function App() {
  const phase = useKiosk((state) => state.phase);
  return (
    <div className="kiosk">
      <OfflineBanner />
      <main className="kiosk__main">
        <PhaseScreen phase={phase} />
      </main>
      <footer className="kiosk__toolbar">
        <AccessibilityMenu />
      </footer>
      {TIMED_OUT.includes(phase) && <InactivityGuard key={phase} />}
    </div>
  );
}

function PhaseScreen({ phase }: { phase: Phase }) {
  switch (phase) {
    case 'starting':
      return <StartingScreen />;
    case 'unenrolled':
      return <UnenrolledScreen />;
    case 'attract':
      return <AttractScreen />;
    case 'service':
      return <ServiceScreen />;
    case 'consent':
      return <ConsentScreen />;
    case 'waiting':
      return <WaitingScreen />;
    case 'call':
      return (
        <Suspense fallback={<CallLoading />}>
          <CallScreen />
        </Suspense>
      );
    case 'thanks':
      return <ThanksScreen />;
  }
}

function CallLoading() {
  const { t } = useTranslation();
  return (
    <section className="screen">
      <Heading>{t('call.title')}</Heading>
      <p role="status">{t('call.state.connecting')}</p>
    </section>
  );
}
