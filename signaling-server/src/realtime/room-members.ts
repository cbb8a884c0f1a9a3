import type { AgentNamespace, KioskNamespace } from './namespaces.js';

/** A namespace whose rooms are looked into. */
type Watched = KioskNamespace | AgentNamespace;

/** A socket of a room of `N`, on this instance or another: what both kinds of socket offer. */
export type Member<N extends Watched> = Pick<
  Awaited<ReturnType<N['fetchSockets']>>[number],
  'id' | 'data' | 'emit'
> & { disconnect(close: boolean): unknown };

/** The sockets in a room of one namespace. */
export type RoomMembers<N extends Watched> = (room: string) => Promise<Member<N>[]>;

/**
 * How to find a room's sockets in `nsp`. In a cluster that is `fetchSockets`, which asks every
 * instance. A single instance holds every socket itself and reads the room from its adapter:
 * the same sockets, without the copy of each that `fetchSockets` makes, which every kiosk's
 * connection paid for twice.
 */
export function roomMembers<N extends Watched>(nsp: N, clustered: boolean): RoomMembers<N> {
  if (clustered) return (room) => nsp.in(room).fetchSockets();
  return async (room) => {
    const ids = nsp.adapter.rooms.get(room);
    if (!ids) return [];
    const members: Member<N>[] = [];
    for (const id of ids) {
      const socket = nsp.sockets.get(id);
      if (socket) members.push(socket);
    }
    return members;
  };
}

/**
 * Whether a room of `nsp` may hold a socket other than `except`. A single instance knows at once
 * from its adapter, so a kiosk connecting alone (nearly every one) skips asking; in a cluster
 * another instance may hold one, and only asking (`RoomMembers`) tells.
 */
export function othersMayBeIn(
  nsp: Watched,
  clustered: boolean,
): (room: string, except?: string) => boolean {
  if (clustered) return () => true;
  return (room, except) => {
    const ids = nsp.adapter.rooms.get(room);
    if (!ids) return false;
    return ids.size > (except !== undefined && ids.has(except) ? 1 : 0);
  };
}
