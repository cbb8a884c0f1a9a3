import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../i18n';
import '../styles/tokens.css';
import '../styles/app.css';
import '../styles/controls.css';
import '../styles/screens.css';
import { tokenOfLink } from './visit-api';
import { VisitPage } from './VisitPage';

const root = document.getElementById('root');
if (!root) throw new Error('visit.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <VisitPage token={tokenOfLink(window.location.hash)} />
  </StrictMode>,
);
