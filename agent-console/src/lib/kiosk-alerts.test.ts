import type { KioskCondition, KioskStatus } from '@loket/shared';
import { describe, expect, it } from 'vitest';
import { kioskStatus, NOW } from '../test/fixtures';
import { raiseKioskAlerts } from './kiosk-alerts';

const kiosk = (change: Partial<KioskStatus> = {}) =>
  kioskStatus({ lastSeenAt: NOW - 1000, healthAt: NOW - 1000, ...change });

const was = (condition: KioskCondition) => new Map([['k1', condition]]);

describe('kiosk alerts', () => {
  it('rings when a kiosk goes offline', () => {
    const { alerts } = raiseKioskAlerts(was('idle'), [kiosk({ online: false })], NOW);
    expect(alerts).toEqual([{ kioskId: 'k1', name: 'Kios lobi 1', condition: 'offline', at: NOW }]);
  });

  it('rings when a device of a kiosk in use fails', () => {
    const broken = kiosk({ inUse: true });
    broken.health!.devices.camera = 'missing';
    expect(raiseKioskAlerts(was('in_use'), [broken], NOW).alerts).toMatchObject([
      { condition: 'faulty' },
    ]);
  });

  it('rings when a connected kiosk stops reporting, and only once', () => {
    const silent = kiosk({ lastSeenAt: NOW - 100_000, healthAt: NOW - 100_000 });
    const first = raiseKioskAlerts(was('idle'), [silent], NOW);
    expect(first.alerts).toMatchObject([{ condition: 'stale' }]);
    expect(raiseKioskAlerts(first.conditions, [silent], NOW + 1000).alerts).toEqual([]);
  });

  it('stays quiet for a kiosk first seen broken, and for a kiosk that recovers', () => {
    expect(raiseKioskAlerts(new Map(), [kiosk({ online: false })], NOW).alerts).toEqual([]);
    expect(raiseKioskAlerts(was('offline'), [kiosk()], NOW).alerts).toEqual([]);
  });

  it('stays quiet when a visitor starts or ends a visit', () => {
    expect(raiseKioskAlerts(was('idle'), [kiosk({ inUse: true })], NOW).alerts).toEqual([]);
  });
});
