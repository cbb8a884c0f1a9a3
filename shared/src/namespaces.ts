/** socket.io namespaces, one per kind of client. */
export const NAMESPACES = {
  kiosk: '/kiosk',
  agent: '/agent',
  manager: '/manager',
} as const;

/** Path the server mounts socket.io on. */
export const SOCKET_PATH = '/socket.io';
