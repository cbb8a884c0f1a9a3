import type { Need } from '@loket/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../store/kiosk-store';
import { toggleNeed, toggleSignLanguage } from '../store/settings';

/** The needs Indonesian public service gives priority to, in the order the panel lists them. */
export const NEEDS: readonly Need[] = ['disability', 'elderly', 'pregnant'];

/** Sign language and priority service: what the visitor declares for their ticket. */
export function ServiceNeeds() {
  const { t } = useTranslation();
  const signLanguage = useKiosk((state) => state.signLanguage);
  const needs = useKiosk((state) => state.needs);
  const priorityId = useId();
  return (
    <>
      <button
        type="button"
        className="button button--toggle"
        aria-pressed={signLanguage}
        onClick={toggleSignLanguage}
      >
        {t('a11y.signLanguage')}
      </button>
      <div role="group" aria-labelledby={priorityId} className="needs">
        <h3 id={priorityId} className="needs__title">
          {t('a11y.priority')}
        </h3>
        {NEEDS.map((need) => (
          <button
            key={need}
            type="button"
            className="button button--toggle"
            aria-pressed={needs.includes(need)}
            onClick={() => toggleNeed(need)}
          >
            {t(`needs.${need}`)}
          </button>
        ))}
      </div>
      <p className="subtle">{t('a11y.serviceHint')}</p>
    </>
  );
}
