import type { Role } from '../rest/auth.js';

/** Who is on the other end of a socket, set once by the namespace's auth middleware. */
export type SocketActor =
  | { kind: 'kiosk'; kioskId: string; officeId: string }
  | { kind: 'user'; userId: string; officeId: string; role: Role; sessionHash: string };

/** What the server keeps on each socket. */
export interface SocketData {
  actor: SocketActor;
}

/** Events between server instances; none yet, as one process serves an office. */
export type InterServerEvents = Record<string, never>;
