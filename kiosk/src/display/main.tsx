import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import i18n, { loadLanguage, loadPageTexts } from '../i18n';
import '../styles/tokens.css';
import '../styles/app.css';
import '../styles/controls.css';
import '../styles/display.css';
import { DisplayPage } from './DisplayPage';
import { createVoice } from './voice';

const root = document.getElementById('root');
if (!root) throw new Error('display.html has no #root element');
const voice = createVoice(
  (number, language) => i18n.getFixedT(language, 'pages')('display.announce', { number }),
  import.meta.env.BASE_URL,
);
// Both languages are on screen at once, so English loads before the first draw.
void Promise.all([import('./display-api'), loadLanguage('en'), loadPageTexts()]).then(([api]) => {
  const office = api.officeOfAddress(window.location.search);
  const fetchBoard = () => api.fetchBoard(office);
  createRoot(root).render(
    <StrictMode>
      <DisplayPage fetchBoard={fetchBoard} voice={voice} />
    </StrictMode>,
  );
});
