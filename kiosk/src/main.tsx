import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './i18n';
import { startConnection } from './lib/connection';
import { keepScreenAwake } from './lib/device';
import { OFFLINE_PAGE, serverAnswers } from './lib/outage';
import { watchForOutage } from './lib/outage-watch';
import { readCredential, takePairingCode } from './lib/credential';
import { pairWithCode } from './lib/pairing';
import { applyDisplaySettings } from './lib/document-settings';
import { DEFAULT_SETTINGS, kioskStore } from './store/kiosk-store';
import { markUnenrolled } from './store/server-events';
import './styles/tokens.css';
import './styles/app.css';
import './styles/controls.css';
import './styles/screens.css';

applyDisplaySettings(DEFAULT_SETTINGS);
keepScreenAwake();
watchForOutage(kioskStore, {
  serverAnswers: () => serverAnswers(),
  // Without a service worker in control the offline page cannot load either: stay, and say
  // "reconnecting" in the banner.
  showOfflinePage: () => {
    if (navigator.serviceWorker?.controller) window.location.assign(OFFLINE_PAGE);
  },
});
// The service worker keeps the offline page (and the app's files) for when the server is gone.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('/kiosk/sw.js', { scope: '/kiosk/' }).catch(() => undefined);
}

// A pairing link brings the code; a paired kiosk has its credential; anything else asks staff.
const code = takePairingCode();
if (code) {
  void pairWithCode(code).then((outcome) =>
    outcome.ok ? startConnection() : markUnenrolled(outcome.code),
  );
} else if (readCredential()) startConnection();
else markUnenrolled();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
