import type { KioskCondition, KioskStatus } from '@loket/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatClock } from '../../lib/format-clock';
import { raiseKioskAlerts, type KioskAlert } from '../../lib/kiosk-alerts';
import { Button } from '../Button';

/**
 * Alerts the manager, as they happen, when a kiosk goes offline, stops reporting or finds a device
 * broken; each stays until dismissed, so one that rang while the manager was away is still there.
 */
export function KioskAlerts({ kiosks, now }: { kiosks: readonly KioskStatus[]; now: number }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const conditions = useRef(new Map<string, KioskCondition>());
  const [alerts, setAlerts] = useState<KioskAlert[]>([]);

  useEffect(() => {
    const raised = raiseKioskAlerts(conditions.current, kiosks, now);
    conditions.current = raised.conditions;
    if (raised.alerts.length > 0) setAlerts((shown) => [...raised.alerts, ...shown]);
  }, [kiosks, now]);

  const dismiss = (alert: KioskAlert) => setAlerts((shown) => shown.filter((a) => a !== alert));
  return (
    <div role="alert" className="kiosk-alerts">
      {alerts.length > 0 && (
        <ul>
          {alerts.map((alert) => (
            <li key={`${alert.kioskId}-${alert.at}`} className="message message-error">
              <span>
                {t(`kioskAlert.${alert.condition}`, {
                  name: alert.name,
                  time: formatClock(alert.at, language),
                })}
              </span>{' '}
              <Button onClick={() => dismiss(alert)}>
                {t('kioskAlert.dismiss', { name: alert.name })}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
