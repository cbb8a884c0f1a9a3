import { isRoutingNeed } from '@loket/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelList } from '../components/ChannelList';
import { Heading } from '../components/Heading';
import { formatOpening } from '../lib/format';
import { showCallbackForm } from '../store/callback';
import { finishVisit } from '../store/journey';
import { useKiosk, type KioskState } from '../store/kiosk-store';

/** Why nobody can serve now, in plain words, for the visitor's language and needs. */
function useReason(): string {
  const { t } = useTranslation();
  const unavailable = useKiosk((state) => state.unavailable);
  const needs = useKiosk((state) => state.needs);
  const onDuty = useKiosk((state) => state.onDuty);
  const language = useKiosk((state) => state.language);
  // The wait is counted from when the screen first showed, as the visitor reads it.
  const [shownAt] = useState(Date.now);
  if (unavailable?.reason === 'outside_hours') {
    return unavailable.nextOpening === null
      ? t('unavailable.outsideHoursUnknown')
      : t('unavailable.outsideHours', { when: formatOpening(unavailable.nextOpening, language) });
  }
  if (unavailable?.reason === 'busy') {
    const left = (unavailable.nextOpening ?? 0) - shownAt;
    return t('unavailable.busy', { seconds: Math.max(1, Math.ceil(left / 1000)) });
  }
  // A need nobody on duty can serve is the honest reason; else nobody for this service is in.
  const unserved = needs.filter(isRoutingNeed).find((need) => !onDuty?.includes(need));
  return unserved ? t(`needs.${unserved}.unavailable`) : t('unavailable.noAgent');
}

const selectService = (state: KioskState) => state.services.find((s) => s.id === state.serviceId);

/**
 * Nobody can serve the chosen service now: say why honestly, show the other ways to reach the
 * office, and offer a call-back. Never a dead end.
 */
export function UnavailableScreen() {
  const { t } = useTranslation();
  const reason = useReason();
  const service = useKiosk(selectService);
  const language = useKiosk((state) => state.language);
  const channels = useKiosk((state) => state.office?.channels ?? []);
  return (
    <section className="screen screen--split">
      <div className="split">
        <div className="split__head">
          <Heading>{t('unavailable.title')}</Heading>
          {service && (
            <p className="subtle">
              {t('unavailable.service', { service: service.name[language] })}
            </p>
          )}
          <p className="lead notice">{reason}</p>
        </div>
        {channels.length > 0 && (
          <div className="split__side">
            <p className="lead">{t('unavailable.channels')}</p>
            <ChannelList channels={channels} />
          </div>
        )}
        <div className="split__actions actions">
          <button type="button" className="button button--secondary" onClick={finishVisit}>
            {t('unavailable.home')}
          </button>
          <button type="button" className="button button--primary" onClick={showCallbackForm}>
            {t('unavailable.callback')}
          </button>
        </div>
      </div>
    </section>
  );
}
