import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './i18n';
import { startConnection } from './lib/connection';
import { readDeviceToken } from './lib/device-token';
import { applyDisplaySettings } from './lib/document-settings';
import { DEFAULT_SETTINGS } from './store/kiosk-store';
import { markUnenrolled } from './store/server-events';
import './styles/tokens.css';
import './styles/app.css';
import './styles/controls.css';
import './styles/screens.css';

applyDisplaySettings(DEFAULT_SETTINGS);

const token = readDeviceToken();
if (token) startConnection(token);
else markUnenrolled();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
