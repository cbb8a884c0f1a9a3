import { type RoutingNeed } from '@loket/shared';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../store/kiosk-store';

/**
 * A short line for each of `needs` that an officer on duty can serve ("an officer who signs
 * BISINDO is on duty"); nothing for a need nobody on duty is known to serve.
 */
export function OnDuty({ needs }: { needs: readonly RoutingNeed[] }) {
  const { t } = useTranslation();
  const onDuty = useKiosk((state) => state.onDuty);
  const shown = needs.filter((need) => onDuty?.includes(need));
  if (shown.length === 0) return null;
  return (
    <>
      {shown.map((need) => (
        <p key={need} className="signer">
          <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M7 11V5a1.5 1.5 0 0 1 3 0v5M10 10V3.5a1.5 1.5 0 0 1 3 0V10M13 10V5a1.5 1.5 0 0 1 3 0v7M16 12V8.5a1.5 1.5 0 0 1 3 0V14c0 4-3 7-7 7s-5.5-2-7.5-5L3 13a1.5 1.5 0 0 1 2.5-1.5L7 13" />
          </svg>
          {t(`needs.${need}.onDuty`)}
        </p>
      ))}
    </>
  );
}
