import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadLanguage } from '../i18n';
import '../styles/tokens.css';
import '../styles/app.css';
import '../styles/controls.css';
import '../styles/screens.css';
import { OfflinePage } from './OfflinePage';

const root = document.getElementById('root');
if (!root) throw new Error('offline.html has no #root element');
// The contract's schemas (zod) load beside the page: it shares its first files with the kiosk's.
// English too: the page speaks both languages at once.
void Promise.all([import('./remembered-channels'), loadLanguage('en')]).then(
  ([{ rememberedChannels }]) =>
    createRoot(root).render(
      <StrictMode>
        <OfflinePage
          channels={rememberedChannels()}
          backOnline={() => window.location.replace('/kiosk/')}
        />
      </StrictMode>,
    ),
);
