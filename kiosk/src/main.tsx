import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadLanguage } from './i18n';
import { keepScreenAwake } from './lib/device';
import { readCredential, takePairingCode } from './lib/credential';
import { pairWithCode, startConnection } from './lib/load-connection';
import { applyDisplaySettings } from './lib/document-settings';
import { DEFAULT_SETTINGS } from './store/kiosk-store';
import { markUnenrolled } from './store/server-events';
import './styles/tokens.css';
import './styles/app.css';
import './styles/controls.css';
import './styles/screens.css';

applyDisplaySettings(DEFAULT_SETTINGS);
keepScreenAwake();

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
// Fetched while the first screen shows, so a visitor's switch of language is instant.
void loadLanguage('en');
