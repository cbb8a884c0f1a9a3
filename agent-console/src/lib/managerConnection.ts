import { QueueSnapshot } from '@loket/shared';
import { errorShown, queueChanged } from '../store/actions';
import { ACK_TIMEOUT_MS, unwrapAck } from './ack';
import { errorCodeOf } from './errors';
import { connectManagerSocket, type ManagerSocket } from './managerSocket';
import { parsedListener } from './parsedListener';
import { followSocketLifecycle } from './socketLifecycle';

async function loadSnapshot(socket: ManagerSocket): Promise<void> {
  try {
    const pending = socket.timeout(ACK_TIMEOUT_MS).emitWithAck('queue:snapshot', {});
    queueChanged(await unwrapAck(pending, QueueSnapshot));
  } catch (error) {
    errorShown(errorCodeOf(error));
  }
}

/** Opens the manager socket: a full snapshot on every connect, then each change; returns the cleanup. */
export function startManagerConnection(): () => void {
  const socket = connectManagerSocket();
  followSocketLifecycle(socket, () => void loadSnapshot(socket));
  socket.on(
    'queue:changed',
    parsedListener(QueueSnapshot, (snapshot) => queueChanged(snapshot)),
  );
  return () => {
    socket.off();
    socket.disconnect();
  };
}
