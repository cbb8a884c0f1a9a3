import { kioskContract, listen } from '@loket/shared';
import {
  applyBootstrap,
  applyCatalogue,
  applyCallEnded,
  applyOfficeMessage,
  applyCallStarted,
  applyService,
  applyTicketUpdate,
  markReplaced,
  markUnenrolled,
  rejectMalformedEvent,
  setConnection,
} from '../store/server-events';
import { fallBackToPreviousCredential, forgetCredential, saveCredential } from './credential';
import { kioskCare, startHeartbeat } from './heartbeat';
import { OFFLINE_PAGE, serverAnswers } from './outage';
import { watchForOutage } from './outage-watch';
import { kioskStore } from '../store/kiosk-store';
import { prepareCallMedia } from './prepared-room';
import { forgetOfficeName, rememberOfficeName } from './remembered-office';
import { deliverSignal } from './signal-relay';
import { command } from './commands';
import { connectSocket } from './socket';

/** Wait before asking again when a bootstrap or a refused handshake fails for a passing reason. */
const RETRY_MS = 5000;

/** The socket whose events are wired to the store; wiring it twice would double every event. */
let wired: unknown = null;

/** The server no longer takes this kiosk's credential: it must be paired again. */
function refused(): void {
  forgetCredential();
  forgetOfficeName();
  markUnenrolled();
}

/**
 * Connects the kiosk (or, once connected, connects it again) and keeps the store in step with the
 * server. The socket reconnects by itself; every connect starts with a bootstrap so a waiting
 * visitor resumes where they were.
 */
export function startConnection(): void {
  const socket = connectSocket();
  if (wired === socket) {
    socket.connect();
    return;
  }
  wired = socket;
  // Another screen took this kiosk's connection: it stays with that screen until staff say so.
  let replaced = false;

  async function bootstrap(): Promise<void> {
    const result = await command('kiosk:bootstrap', {});
    if (result.ok) {
      if (result.data.credential) saveCredential(result.data.credential);
      rememberOfficeName(result.data.office.name);
      applyBootstrap(result.data);
    } else if (result.error.code === 'UNAUTHENTICATED') refused();
    else if (socket.connected) setTimeout(() => void bootstrap(), RETRY_MS);
  }

  socket.on('connect', () => {
    replaced = false;
    setConnection('online');
    void bootstrap();
  });
  socket.on('disconnect', (reason) => {
    setConnection('offline');
    // socket.io leaves a server-side disconnect to the app; the handshake decides if we may return.
    if (reason === 'io server disconnect' && !replaced) socket.connect();
  });
  socket.on('connect_error', (error) => {
    if (error.message === 'UNAUTHENTICATED') {
      // The credential before the refused one may be the one the server still holds.
      if (fallBackToPreviousCredential()) return void socket.connect();
      return refused();
    }
    setConnection('offline');
    // A network error is retried by socket.io; a handshake the server refused is not.
    if (!socket.active) setTimeout(() => socket.connect(), RETRY_MS);
  });
  listen(
    socket,
    kioskContract.events,
    {
      'ticket:updated': applyTicketUpdate,
      'call:started': applyCallStarted,
      'call:preparing': prepareCallMedia,
      'call:connecting': prepareCallMedia,
      'call:signal': deliverSignal,
      'call:ended': applyCallEnded,
      'office:message': applyOfficeMessage,
      'kiosk:replaced': () => {
        replaced = true;
        markReplaced();
      },
      'kiosk:reload': () => kioskCare.reload(),
      'kiosk:selfTest': () => void kioskCare.checkDevices(),
      'kiosk:service': applyService,
      'office:changed': applyCatalogue,
    },
    rejectMalformedEvent,
  );
  startHeartbeat(socket);
  watchForOutage(kioskStore, {
    serverAnswers: () => serverAnswers(),
    // Without a service worker in control the offline page cannot load either: stay, and say
    // "reconnecting" in the banner.
    showOfflinePage: () => {
      if (navigator.serviceWorker?.controller) window.location.assign(OFFLINE_PAGE);
    },
  });
  // The service worker keeps the offline page (and the app's files) for when the server is gone.
  if (import.meta.env.PROD && 'serviceWorker' in navigator) {
    navigator.serviceWorker.register('/kiosk/sw.js', { scope: '/kiosk/' }).catch(() => undefined);
  }
}
