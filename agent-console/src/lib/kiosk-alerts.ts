import { kioskCondition, type KioskCondition, type KioskStatus } from '@loket/shared';

/** Conditions a manager must hear about the moment a kiosk falls into them. */
const ALARMING = ['offline', 'stale', 'faulty'] as const;
type Alarming = (typeof ALARMING)[number];
const isAlarming = (condition: KioskCondition): condition is Alarming =>
  (ALARMING as readonly KioskCondition[]).includes(condition);

/** A kiosk that went offline, stopped reporting or found a device broken. */
export interface KioskAlert {
  kioskId: string;
  name: string;
  condition: Alarming;
  at: number;
}

/**
 * The alerts raised since `previous` (each kiosk's condition when last looked at): one for each
 * kiosk that has just become offline, stale or faulty. A kiosk first seen raises none, so opening
 * the dashboard does not ring for what its table already shows. Answers the conditions to keep.
 */
export function raiseKioskAlerts(
  previous: ReadonlyMap<string, KioskCondition>,
  kiosks: readonly KioskStatus[],
  now: number,
): { conditions: Map<string, KioskCondition>; alerts: KioskAlert[] } {
  const conditions = new Map<string, KioskCondition>();
  const alerts: KioskAlert[] = [];
  for (const kiosk of kiosks) {
    const condition = kioskCondition(kiosk, now);
    conditions.set(kiosk.id, condition);
    const before = previous.get(kiosk.id);
    if (before !== undefined && before !== condition && isAlarming(condition)) {
      alerts.push({ kioskId: kiosk.id, name: kiosk.name, condition, at: now });
    }
  }
  return { conditions, alerts };
}
