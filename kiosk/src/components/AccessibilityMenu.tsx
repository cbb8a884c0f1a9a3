import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadSpeech } from '../speech/load-speech';
import { useKiosk } from '../store/kiosk-store';
import {
  toggleHighContrast,
  toggleLargeText,
  toggleLowReach,
  toggleSpeech,
} from '../store/settings';
import { Dialog } from './Dialog';
import { ServiceNeeds } from './ServiceNeeds';

const SpeechGuide = lazy(loadSpeech);

/**
 * The accessibility button and the audio guidance switch, in the same place on every screen.
 * Audio guidance's code loads when a visitor switches it on.
 */
export function AccessibilityMenu() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const largeText = useKiosk((state) => state.textSize === 'large');
  const highContrast = useKiosk((state) => state.contrast === 'high');
  const lowReach = useKiosk((state) => state.reach === 'low');
  const speech = useKiosk((state) => state.speech);
  const close = () => setOpen(false);
  // The visitor's display settings, each a switch that says whether it is on.
  const settings = [
    { label: 'a11y.largeText', pressed: largeText, toggle: toggleLargeText },
    { label: 'a11y.highContrast', pressed: highContrast, toggle: toggleHighContrast },
    { label: 'a11y.lowReach', pressed: lowReach, toggle: toggleLowReach },
  ] as const;

  return (
    <>
      <button type="button" className="button button--a11y" onClick={() => setOpen(true)}>
        <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <circle cx="12" cy="4" r="2" />
          <path d="M4 8.5 12 10l8-1.5M12 10v5l-3.5 6M12 15l3.5 6" />
        </svg>
        {t('a11y.open')}
      </button>
      <button
        type="button"
        className="button button--a11y"
        aria-pressed={speech}
        onClick={toggleSpeech}
      >
        {t('a11y.speech')}
      </button>
      <Suspense>{speech && <SpeechGuide />}</Suspense>
      {open && (
        <Dialog title={t('a11y.title')} onClose={close}>
          <p>{t('a11y.hint')}</p>
          <div className="menu-columns">
            <div className="actions actions--stacked">
              {settings.map(({ label, pressed, toggle }) => (
                <button
                  key={label}
                  type="button"
                  className="button button--toggle"
                  aria-pressed={pressed}
                  onClick={toggle}
                >
                  {t(label)}
                </button>
              ))}
            </div>
            <div className="actions actions--stacked">
              <ServiceNeeds />
            </div>
          </div>
          <div className="actions actions--stacked">
            <button type="button" className="button button--secondary" onClick={close}>
              {t('a11y.close')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
