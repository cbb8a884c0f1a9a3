import type { command as send } from './socket';

/**
 * Sends one of the kiosk's commands (see `socket.ts`), loading the socket and the contract's
 * schemas on first use so that the first screen paints without them.
 */
export const command: typeof send = async (event, payload) => {
  const socket = await import('./socket');
  return socket.command(event, payload);
};
