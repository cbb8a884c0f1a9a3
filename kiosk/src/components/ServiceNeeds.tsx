import { PRIORITY_NEEDS, ROUTING_NEEDS, type Need } from '@loket/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../store/kiosk-store';
import { toggleNeed } from '../store/settings';

/** One need the visitor can declare, as a toggle button. */
export function NeedToggle({ need }: { need: Need }) {
  const { t } = useTranslation();
  const declared = useKiosk((state) => state.needs.includes(need));
  return (
    <button
      type="button"
      className="button button--toggle"
      aria-pressed={declared}
      onClick={() => toggleNeed(need)}
    >
      {t(`needs.${need}.label`)}
    </button>
  );
}

/**
 * What the visitor declares for their ticket: needs that decide who serves them (sign language…),
 * then the needs Indonesian public service gives priority to, in the order the list of needs has.
 */
export function ServiceNeeds() {
  const { t } = useTranslation();
  const priorityId = useId();
  return (
    <>
      {ROUTING_NEEDS.map((need) => (
        <NeedToggle key={need} need={need} />
      ))}
      <div role="group" aria-labelledby={priorityId} className="needs">
        <h3 id={priorityId} className="needs__title">
          {t('a11y.priority')}
        </h3>
        {PRIORITY_NEEDS.map((need) => (
          <NeedToggle key={need} need={need} />
        ))}
      </div>
      <p className="subtle">{t('a11y.serviceHint')}</p>
    </>
  );
}
