import { managerContract, type QueueDelta } from '@loket/shared';
import { consoleStore } from '../store';
import {
  deltaReceived,
  errorShown,
  kioskReported,
  kiosksLoaded,
  signedOut,
  snapshotLoaded,
} from '../store/actions';
import { errorCodeOf } from './errors';
import { managerCommand } from './manager-commands';
import { connectManagerSocket, disconnectManagerSocket } from './manager-socket';
import { listenTo } from './commands';
import { followSocketLifecycle } from './socket-lifecycle';

/**
 * Opens the manager socket and keeps the live queue: a numbered snapshot on the first connect,
 * then each delta in order. After a reconnect, or when a delta shows that one went missing, it asks
 * `queue:since` for what it missed; deltas arriving meanwhile wait their turn. The office's kiosks
 * are listed on every connect, then followed one report at a time. Returns the cleanup.
 */
export function startManagerConnection(): () => void {
  const socket = connectManagerSocket();
  let catchingUp = false;
  let held: QueueDelta[] = [];

  const take = (delta: QueueDelta): boolean => deltaReceived(delta) !== 'gap';

  async function catchUp(): Promise<void> {
    if (catchingUp) return;
    catchingUp = true;
    let caughtUp = false;
    try {
      const { queue } = consoleStore.getState();
      if (!queue) {
        snapshotLoaded(await managerCommand('queue:snapshot', {}));
      } else {
        const missed = await managerCommand('queue:since', { seq: queue.seq });
        if (missed.kind === 'snapshot') snapshotLoaded(missed.snapshot);
        else missed.deltas.forEach(take);
      }
      caughtUp = true;
    } catch (error) {
      const code = errorCodeOf(error);
      if (code === 'UNAUTHENTICATED') signedOut('expired');
      else errorShown(code);
    } finally {
      catchingUp = false;
    }
    const waiting = held;
    held = [];
    const complete = waiting.map(take).every(Boolean);
    if (caughtUp && !complete) await catchUp();
  }

  /** The whole queue afresh, after an administrator changed what it is named by. */
  async function reload(): Promise<void> {
    try {
      snapshotLoaded(await managerCommand('queue:snapshot', {}));
    } catch (error) {
      const code = errorCodeOf(error);
      if (code === 'UNAUTHENTICATED') signedOut('expired');
      else errorShown(code);
    }
  }

  /** The office's kiosks, afresh on every connect: what they reported meanwhile is not kept. */
  async function loadKiosks(): Promise<void> {
    try {
      kiosksLoaded((await managerCommand('kiosks:status', {})).kiosks);
    } catch (error) {
      const code = errorCodeOf(error);
      if (code !== 'UNAUTHENTICATED') errorShown(code);
    }
  }

  followSocketLifecycle(socket, () => {
    void catchUp();
    void loadKiosks();
  });
  listenTo(socket, managerContract.events, {
    'kiosk:status': kioskReported,
    // Tickets carry their service's name, so a fresh snapshot shows a renamed service at once.
    'office:changed': () => void reload(),
    'queue:changed': (delta) => {
      if (catchingUp) {
        held.push(delta);
      } else if (!take(delta)) {
        held.push(delta);
        void catchUp();
      }
    },
  });
  return () => {
    socket.off();
    disconnectManagerSocket();
  };
}
