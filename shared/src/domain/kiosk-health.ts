import { z } from 'zod';
import { EpochMs, Id } from './ids.js';

/** How often a kiosk reports its health while connected. */
export const KIOSK_HEARTBEAT_MS = 30_000;
/** Heartbeats a kiosk may miss before its report no longer counts as current. */
export const MISSED_HEARTBEATS_BEFORE_STALE = 3;

/**
 * What a device check found: `ok`; `missing` (no such device is attached); `blocked` (the browser
 * or the operating system refuses access); `failed` (present but it would not start); `untested`
 * (not checked yet, e.g. a call has had the device since start).
 */
export const DeviceCheck = z.enum(['ok', 'missing', 'blocked', 'failed', 'untested']);
/** What a device check found. */
export type DeviceCheck = z.infer<typeof DeviceCheck>;

/** The devices a kiosk checks on start and after every visit, without recording anything. */
export const DeviceChecks = z.object({
  camera: DeviceCheck,
  microphone: DeviceCheck,
  speaker: DeviceCheck,
});
/** The devices a kiosk checks. */
export type DeviceChecks = z.infer<typeof DeviceChecks>;

/** What a kiosk reports with each heartbeat. */
export const KioskHealthReport = z.object({
  /** The kiosk app's version, as built. */
  version: z.string().trim().min(1).max(40),
  devices: DeviceChecks,
  /** Round trip of the previous heartbeat to the server and back, ms; null for the first. */
  roundTripMs: z.number().int().nonnegative().max(600_000).nullable(),
  /** The browser's estimate of the downlink, Mbit/s, where it gives one. */
  downlinkMbps: z.number().nonnegative().max(100_000).nullable(),
  /** When the last visit at this kiosk ended; null if none since the app started. */
  lastVisitAt: EpochMs.nullable(),
});
/** What a kiosk reports with each heartbeat. */
export type KioskHealthReport = z.infer<typeof KioskHealthReport>;

/** One kiosk of the office as a desk manager watches it. */
export const KioskStatus = z.object({
  id: Id,
  name: z.string(),
  /** A kiosk connection is open now. */
  online: z.boolean(),
  /** A visitor holds a ticket (or is in a call) at this kiosk now. */
  inUse: z.boolean(),
  /** Taken out of service by a manager: it shows that it is closed and takes no tickets. */
  outOfService: z.boolean(),
  /** When the kiosk last connected or reported. */
  lastSeenAt: EpochMs.nullable(),
  /** Its latest report and when it arrived; null before the first. */
  health: KioskHealthReport.nullable(),
  healthAt: EpochMs.nullable(),
});
/** One kiosk of the office as a desk manager watches it. */
export type KioskStatus = z.infer<typeof KioskStatus>;

/**
 * How a kiosk is, for the dashboard: `offline` (no connection), `stale` (connected but its
 * heartbeats stopped), `faulty` (a device check failed), `closed` (out of service), `in_use` or
 * `idle`. A fault outranks use, so a broken camera shows even while a visitor waits.
 */
export type KioskCondition = 'offline' | 'stale' | 'faulty' | 'closed' | 'in_use' | 'idle';

/** Device checks that mean the kiosk cannot serve a video call properly. */
export function faultyDevices(checks: DeviceChecks): (keyof DeviceChecks)[] {
  const broken = (check: DeviceCheck) => check !== 'ok' && check !== 'untested';
  return (['camera', 'microphone', 'speaker'] as const).filter((device) => broken(checks[device]));
}

/** The condition of a kiosk at `now`. */
export function kioskCondition(kiosk: KioskStatus, now: number): KioskCondition {
  if (!kiosk.online) return 'offline';
  // A kiosk that has just connected has had no chance to report yet: count from the later of
  // its connection and its last report.
  const heardFrom = Math.max(kiosk.healthAt ?? 0, kiosk.lastSeenAt ?? 0);
  if (now - heardFrom > KIOSK_HEARTBEAT_MS * MISSED_HEARTBEATS_BEFORE_STALE) return 'stale';
  if (kiosk.health && faultyDevices(kiosk.health.devices).length > 0) return 'faulty';
  if (kiosk.outOfService) return 'closed';
  return kiosk.inUse ? 'in_use' : 'idle';
}
