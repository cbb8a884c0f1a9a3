import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../i18n';
import '../styles/tokens.css';
import '../styles/app.css';
import '../styles/controls.css';
import '../styles/screens.css';
import { OfflinePage } from './OfflinePage';

const root = document.getElementById('root');
if (!root) throw new Error('offline.html has no #root element');
// The contract's schemas (zod) load beside the page: it shares its first files with the kiosk's.
void import('./remembered-channels').then(({ rememberedChannels }) =>
  createRoot(root).render(
    <StrictMode>
      <OfflinePage
        channels={rememberedChannels()}
        backOnline={() => window.location.replace('/kiosk/')}
      />
    </StrictMode>,
  ),
);
