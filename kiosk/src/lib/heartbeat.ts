import { KIOSK_HEARTBEAT_MS } from '@loket/shared';
import { kioskStore } from '../store/kiosk-store';
import { KioskCare } from './kiosk-care';
import { checkDevices } from './self-test';
import { command, type KioskSocket } from './socket';

/** The Network Information API, where the browser has it (Chromium does). */
interface WithConnection {
  connection?: { downlink?: number };
}

/** This kiosk's care: heartbeats, device checks and a manager's requests. */
export const kioskCare = new KioskCare({
  version: __LOKET_VERSION__,
  send: (report) => command('kiosk:heartbeat', report),
  checkDevices: () => checkDevices(),
  reload: () => window.location.reload(),
  now: () => performance.timeOrigin + performance.now(),
  downlink: () => (navigator as WithConnection).connection?.downlink ?? null,
});

/**
 * Starts the kiosk's heartbeat: one as soon as the socket (re)connects, then every
 * `KIOSK_HEARTBEAT_MS` while it is connected; the devices are checked on start.
 */
export function startHeartbeat(socket: KioskSocket): void {
  socket.on('connect', () => void kioskCare.beat());
  setInterval(() => {
    if (socket.connected) void kioskCare.beat();
  }, KIOSK_HEARTBEAT_MS);
  kioskStore.subscribe((state, previous) => {
    if (state.phase !== previous.phase) kioskCare.phaseChanged(state.phase);
  });
  kioskCare.phaseChanged(kioskStore.getState().phase);
  void kioskCare.checkDevices();
}
