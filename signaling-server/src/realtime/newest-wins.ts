/** A socket of the room, on this instance or another (socket.io's `RemoteSocket` is one). */
interface Closable {
  id: string;
  disconnect(close: boolean): unknown;
}

/**
 * One live connection per kiosk and per officer, the newest: every other socket of the room is
 * told why (`tell`, so its screen says so rather than fighting for the connection) and closed.
 * `open` is the room's sockets from `fetchSockets`, which asks every instance of a cluster.
 */
export async function closeEarlierSockets<S extends Closable>(
  open: Promise<S[]>,
  newestId: string,
  tell: (earlier: S) => void,
): Promise<void> {
  for (const earlier of await open) {
    if (earlier.id === newestId) continue;
    tell(earlier);
    earlier.disconnect(true);
  }
}
