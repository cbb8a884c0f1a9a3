import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { AccessibilityMenu } from './components/AccessibilityMenu';
import { Heading } from './components/Heading';
import { InactivityGuard } from './components/InactivityGuard';
import { OfficeMessageBanner } from './components/OfficeMessageBanner';
import { OfflineBanner } from './components/OfflineBanner';
import { AttractScreen } from './screens/AttractScreen';
import { CallbackSentScreen } from './screens/CallbackSentScreen';
import { ConsentScreen } from './screens/ConsentScreen';
import { loadCallScreen } from './screens/load-call-screen';
import { loadUnavailableScreens } from './screens/load-unavailable-screens';
import { ServiceScreen } from './screens/ServiceScreen';
import { StartingScreen } from './screens/StartingScreen';
import { ThanksScreen } from './screens/ThanksScreen';
import { UnenrolledScreen } from './screens/UnenrolledScreen';
import { WaitingScreen } from './screens/WaitingScreen';
import { useKiosk, type Phase } from './store/kiosk-store';

const CallScreen = lazy(loadCallScreen);
const UnavailableScreen = lazy(() =>
  loadUnavailableScreens().then((screens) => ({ default: screens.UnavailableScreen })),
);
const CallbackScreen = lazy(() =>
  loadUnavailableScreens().then((screens) => ({ default: screens.CallbackScreen })),
);

/** Screens that reset after inactivity; a queued visitor or a call never times out. */
const TIMED_OUT: readonly Phase[] = ['service', 'consent', 'unavailable', 'callback'];

/** The kiosk: one screen at a time, chosen by the phase of the visit. */
export function App() {
  const phase = useKiosk((state) => state.phase);
  return (
    <div className="kiosk">
      <OfflineBanner />
      <OfficeMessageBanner />
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
    case 'unavailable':
      return (
        <Suspense fallback={<Loading title="unavailable.title" />}>
          <UnavailableScreen />
        </Suspense>
      );
    case 'callback':
      return (
        <Suspense fallback={<Loading title="callback.title" />}>
          <CallbackScreen />
        </Suspense>
      );
    case 'callbackSent':
      return <CallbackSentScreen />;
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

/** A lazily loaded screen's title while its code arrives (the service screen fetches it early). */
function Loading({ title }: { title: 'unavailable.title' | 'callback.title' }) {
  const { t } = useTranslation();
  return (
    <section className="screen">
      <Heading>{t(title)}</Heading>
    </section>
  );
}
