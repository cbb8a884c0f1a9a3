import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
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
import './styles/layouts.css';

applyDisplaySettings(DEFAULT_SETTINGS);
keepScreenAwake();
// A pairing link brings the code; a paired kiosk has its credential; anything else asks staff.
const code = takePairingCode();
const paired = readCredential() !== null;
if (!code && !paired) markUnenrolled();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// Rendered at once, so the first screen is on the page by the next frame.
flushSync(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);

function connect(): void {
  if (code) {
    void pairWithCode(code).then((outcome) =>
      outcome.ok ? startConnection() : markUnenrolled(outcome.code),
    );
  } else if (paired) startConnection();
  void loadLanguage('en');
}

// The first screen paints before the connection's code (and English) is fetched and run: on a slow
// kiosk, running that code first would hold the first paint back.
requestAnimationFrame(() => setTimeout(connect));
