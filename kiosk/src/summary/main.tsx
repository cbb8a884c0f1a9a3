import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadLanguage, loadPageTexts } from '../i18n';
import '../styles/tokens.css';
import '../styles/app.css';
import '../styles/controls.css';
import '../styles/screens.css';
import { SummaryPage } from './SummaryPage';

const root = document.getElementById('root');
if (!root) throw new Error('summary.html has no #root element');
// As on the visit page: the contract (zod) loads beside the page, and English before it draws.
void Promise.all([import('./summary-api'), loadLanguage('en'), loadPageTexts()]).then(([api]) =>
  createRoot(root).render(
    <StrictMode>
      <SummaryPage token={api.tokenOfLink(window.location.hash)} fetchSummary={api.fetchSummary} />
    </StrictMode>,
  ),
);
