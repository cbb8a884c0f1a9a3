import type {
  Ack,
  AckCallback,
  ApiError,
  KioskClientToServerEvents,
  KioskServerToClientEvents,
} from '@loket/shared';
import { io, type Socket } from 'socket.io-client';
import type { KioskErrorCode } from '../store/kiosk-store';

/** The kiosk's typed socket on the `/kiosk` namespace. */
export type KioskSocket = Socket<KioskServerToClientEvents, KioskClientToServerEvents>;

/** A command the kiosk sends to the server. */
export type Command = keyof KioskClientToServerEvents;

/** What a command carries. */
export type CommandPayload<C extends Command> = Parameters<KioskClientToServerEvents[C]>[0];

/** What a command answers when it succeeds. */
export type CommandData<C extends Command> =
  Parameters<KioskClientToServerEvents[C]>[1] extends AckCallback<infer T> ? T : never;

/** A command's answer: the server's ack, or a timeout when it did not answer in time. */
export type CommandResult<T> =
  | Extract<Ack<T>, { ok: true }>
  | { ok: false; error: Omit<ApiError, 'code'> & { code: KioskErrorCode } };

/** How long a command waits for its ack. */
export const COMMAND_TIMEOUT_MS = 8000;

let socket: KioskSocket | null = null;

/** Opens the kiosk's socket (once) with its device token; socket.io reconnects it by itself. */
export function connectSocket(token: string): KioskSocket {
  socket ??= io('/kiosk', { path: '/socket.io', auth: { token }, transports: ['websocket'] });
  return socket;
}

/** Sends a command and waits for its ack; never throws. */
export async function command<C extends Command>(
  event: C,
  payload: CommandPayload<C>,
): Promise<CommandResult<CommandData<C>>> {
  if (!socket) return { ok: false, error: { code: 'TIMEOUT', message: 'not connected' } };
  // socket.io cannot narrow its tuple types through a generic event name, so spell them out.
  const timed = socket.timeout(COMMAND_TIMEOUT_MS);
  const emit = timed.emitWithAck.bind(timed) as (
    event: C,
    payload: CommandPayload<C>,
  ) => Promise<Ack<CommandData<C>>>;
  try {
    return await emit(event, payload);
  } catch (error) {
    return { ok: false, error: { code: 'TIMEOUT', message: String(error) } };
  }
}
