import type { Role } from '../rest/auth.js';

/** Who is on the other end of a socket, set once by the namespace's auth middleware. */
export type SocketActor =
  | { kind: 'kiosk'; kioskId: string; officeId: string }
  | { kind: 'user'; userId: string; officeId: string; role: Role; sessionHash: string };

/** What the server keeps on each socket. */
export interface SocketData {
  actor: SocketActor;
}

/**
 * Events between the server instances of a cluster: an office's queue or one of its kiosks
 * changed, so each instance reads it again for the dashboards connected to it.
 */
export interface InterServerEvents {
  'office:queueChanged': (officeId: string) => void;
  'office:kioskChanged': (officeId: string, kioskId: string) => void;
}
