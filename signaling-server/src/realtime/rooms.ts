/** Room of one kiosk's sockets: it hears only about its own ticket and call. */
export const kioskRoom = (kioskId: string) => `kiosk:${kioskId}`;
/** Room of one agent's consoles. */
export const agentRoom = (agentId: string) => `agent:${agentId}`;
const officeRooms = new Map<string, string>();

/**
 * Room of the managers of one office. Every kiosk's socket joins it too, so each office's room
 * name is made once and shared, not made and kept again for each of thousands of sockets.
 */
export function officeRoom(officeId: string): string {
  let room = officeRooms.get(officeId);
  if (room === undefined) {
    room = `office:${officeId}`;
    officeRooms.set(officeId, room);
  }
  return room;
}
/** Room of every socket opened with one session, so signing out closes them all. */
export const sessionRoom = (sessionHash: string) => `session:${sessionHash}`;
