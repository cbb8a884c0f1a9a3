import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AccessibilityMenu } from './components/AccessibilityMenu';
import { loadLaterTexts } from './i18n';
import { Heading } from './components/Heading';
import { InactivityGuard } from './components/InactivityGuard';
import { OfficeMessageBanner } from './components/OfficeMessageBanner';
import { OfflineBanner } from './components/OfflineBanner';
import { AttractScreen } from './screens/AttractScreen';
import { CallbackSentScreen } from './screens/CallbackSentScreen';
import { ConsentScreen } from './screens/ConsentScreen';
import { loadCallScreen } from './screens/load-call-screen';
import { loadUnavailableScreens } from './screens/load-unavailable-screens';
import { loadWaitingScreen } from './screens/load-waiting-screen';
import { ReplacedScreen } from './screens/ReplacedScreen';
import { ServiceScreen } from './screens/ServiceScreen';
import { StartingScreen } from './screens/StartingScreen';
import { UnenrolledScreen } from './screens/UnenrolledScreen';
import { useKiosk } from './store/kiosk-store';
import { PHASES, type Phase } from './store/phases';

const CallScreen = lazy(loadCallScreen);
const UnavailableScreen = lazy(() =>
  loadUnavailableScreens().then((screens) => ({ default: screens.UnavailableScreen })),
);
const CallbackScreen = lazy(() =>
  loadUnavailableScreens().then((screens) => ({ default: screens.CallbackScreen })),
);
const WaitingScreen = lazy(() =>
  loadWaitingScreen().then((screen) => ({ default: screen.WaitingScreen })),
);
// The thank-you screen and its survey come after a call, whose code loads while the visitor waits.
const ThanksScreen = lazy(() =>
  Promise.all([import('./screens/ThanksScreen'), loadLaterTexts()]).then(([screen]) => ({
    default: screen.ThanksScreen,
  })),
);
const ClosedScreen = lazy(() =>
  loadUnavailableScreens().then((screens) => ({ default: screens.ClosedScreen })),
);

/** The screen of each phase; one whose code loads later shows its title in the meantime. */
const SCREENS: Record<Phase, () => ReactNode> = {
  starting: () => <StartingScreen />,
  unenrolled: () => <UnenrolledScreen />,
  replaced: () => <ReplacedScreen />,
  attract: () => <AttractScreen />,
  service: () => <ServiceScreen />,
  consent: () => <ConsentScreen />,
  unavailable: () => (
    <Suspense fallback={<Loading title="unavailable.title" />}>
      <UnavailableScreen />
    </Suspense>
  ),
  callback: () => (
    <Suspense fallback={<Loading title="callback.title" />}>
      <CallbackScreen />
    </Suspense>
  ),
  callbackSent: () => <CallbackSentScreen />,
  waiting: () => (
    <Suspense fallback={<Loading title="waiting.title" />}>
      <WaitingScreen />
    </Suspense>
  ),
  call: () => (
    <Suspense fallback={<CallLoading />}>
      <CallScreen />
    </Suspense>
  ),
  thanks: () => (
    <Suspense fallback={<Loading title="thanks.title" />}>
      <ThanksScreen />
    </Suspense>
  ),
};

/**
 * The kiosk: one screen at a time, chosen by the phase of the visit. Out of service, the start
 * screen says the kiosk is closed; a visit already under way finishes first.
 */
export function App() {
  const phase = useKiosk((state) => state.phase);
  const closed = useKiosk((state) => !state.inService && state.phase === 'attract');
  return (
    <div className="kiosk">
      <OfflineBanner />
      <OfficeMessageBanner />
      <main className="kiosk__main">
        {closed ? (
          <Suspense fallback={<Loading title="closed.title" />}>
            <ClosedScreen />
          </Suspense>
        ) : (
          SCREENS[phase]()
        )}
      </main>
      <footer className="kiosk__toolbar">
        <AccessibilityMenu />
      </footer>
      {PHASES[phase].timesOut && <InactivityGuard key={phase} />}
    </div>
  );
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
function Loading({
  title,
}: {
  title: 'unavailable.title' | 'callback.title' | 'closed.title' | 'thanks.title' | 'waiting.title';
}) {
  const { t } = useTranslation();
  return (
    <section className="screen">
      <Heading>{t(title)}</Heading>
    </section>
  );
}
