import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadLanguage } from '../i18n';
import '../styles/tokens.css';
import '../styles/app.css';
import '../styles/controls.css';
import '../styles/screens.css';
import { VisitPage } from './VisitPage';

const root = document.getElementById('root');
if (!root) throw new Error('visit.html has no #root element');
// The contract's schemas (zod) load beside the page, as on the kiosk: the page shares its first
// files with the kiosk's, which must stay small.
// English too: the page speaks the ticket's language, and the visitor may switch.
void Promise.all([import('./visit-api'), loadLanguage('en')]).then(([api]) =>
  createRoot(root).render(
    <StrictMode>
      <VisitPage token={api.tokenOfLink(window.location.hash)} api={api} />
    </StrictMode>,
  ),
);
