import { describe, expect, test } from 'vitest';
import {
  faultyDevices,
  KIOSK_HEARTBEAT_MS,
  kioskCondition,
  MISSED_HEARTBEATS_BEFORE_STALE,
  type KioskStatus,
} from './kiosk-health.js';

const NOW = 1_800_000_000_000;
const STALE_AFTER = KIOSK_HEARTBEAT_MS * MISSED_HEARTBEATS_BEFORE_STALE;

const healthy: KioskStatus = {
  id: 'k1',
  name: 'Kios lobi 1',
  online: true,
  inUse: false,
  outOfService: false,
  lastSeenAt: NOW - 1_000,
  health: {
    version: '1.0.0',
    devices: { camera: 'ok', microphone: 'ok', speaker: 'ok' },
    roundTripMs: 20,
    downlinkMbps: null,
    lastVisitAt: null,
  },
  healthAt: NOW - 1_000,
};

const withDevices = (devices: Partial<NonNullable<KioskStatus['health']>['devices']>) => ({
  ...healthy,
  health: { ...healthy.health!, devices: { ...healthy.health!.devices, ...devices } },
});

describe('kioskCondition', () => {
  test.each([
    {
      name: 'a kiosk with no connection is offline',
      kiosk: { ...healthy, online: false },
      is: 'offline',
    },
    {
      name: 'a connected kiosk silent for three heartbeats is stale',
      kiosk: { ...healthy, lastSeenAt: NOW - STALE_AFTER - 1, healthAt: NOW - STALE_AFTER - 1 },
      is: 'stale',
    },
    {
      name: 'a kiosk silent for just under three heartbeats is not stale yet',
      kiosk: { ...healthy, lastSeenAt: NOW - STALE_AFTER, healthAt: NOW - STALE_AFTER },
      is: 'idle',
    },
    {
      name: 'a kiosk that has just connected and not reported yet is not stale',
      kiosk: { ...healthy, health: null, healthAt: null, lastSeenAt: NOW - 5_000 },
      is: 'idle',
    },
    {
      name: 'a kiosk that reconnected after a long silence counts from the reconnection',
      kiosk: { ...healthy, healthAt: NOW - 10 * STALE_AFTER, lastSeenAt: NOW - 1_000 },
      is: 'idle',
    },
    {
      name: 'a missing camera makes the kiosk faulty',
      kiosk: withDevices({ camera: 'missing' }),
      is: 'faulty',
    },
    {
      name: 'a fault shows even while a visitor uses the kiosk',
      kiosk: { ...withDevices({ microphone: 'failed' }), inUse: true },
      is: 'faulty',
    },
    {
      name: 'an untested speaker is no fault',
      kiosk: withDevices({ speaker: 'untested' }),
      is: 'idle',
    },
    {
      name: 'a kiosk out of service is closed',
      kiosk: { ...healthy, outOfService: true },
      is: 'closed',
    },
    { name: 'a kiosk with a visitor is in use', kiosk: { ...healthy, inUse: true }, is: 'in_use' },
    { name: 'a healthy kiosk nobody uses is idle', kiosk: healthy, is: 'idle' },
  ] satisfies { name: string; kiosk: KioskStatus; is: string }[])('$name', ({ kiosk, is }) => {
    expect(kioskCondition(kiosk, NOW)).toBe(is);
  });

  test('faulty devices are named in a fixed order', () => {
    expect(faultyDevices({ camera: 'blocked', microphone: 'ok', speaker: 'missing' })).toEqual([
      'camera',
      'speaker',
    ]);
  });
});
