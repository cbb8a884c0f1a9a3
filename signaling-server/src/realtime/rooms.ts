/** Room of one kiosk's sockets: it hears only about its own ticket and call. */
export const kioskRoom = (kioskId: string) => `kiosk:${kioskId}`;
/** Room of one agent's consoles. */
export const agentRoom = (agentId: string) => `agent:${agentId}`;
/** Room of the managers of one office. */
export const officeRoom = (officeId: string) => `office:${officeId}`;
/** Room of every socket opened with one session, so signing out closes them all. */
export const sessionRoom = (sessionHash: string) => `session:${sessionHash}`;
