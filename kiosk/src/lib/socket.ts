import {
  commandSender,
  kioskContract,
  RECONNECT_BACKOFF,
  keepBackoffFinite,
  SOCKET_PATH,
  type ClientToServerEvents,
  type CommandOutcome,
  type ServerToClientEvents,
} from '@loket/shared';
import { io, type Socket } from 'socket.io-client';
import { readCredential } from './credential';

/** The kiosk's typed socket on the `/kiosk` namespace. */
export type KioskSocket = Socket<
  ServerToClientEvents<typeof kioskContract>,
  ClientToServerEvents<typeof kioskContract>
>;

/** The commands a kiosk sends. */
export type Command = keyof typeof kioskContract.commands;

/** A command's answer: its parsed data, or a typed error (a timeout, a malformed answer). */
export type CommandResult<T> = CommandOutcome<T>;

/** How long a command waits for its ack. */
export const COMMAND_TIMEOUT_MS = 8000;

let socket: KioskSocket | null = null;

/**
 * Opens the kiosk's socket (once); socket.io reconnects it by itself. Each handshake presents
 * the credential kept at that moment, so a reconnect uses the one the server handed over last.
 */
export function connectSocket(): KioskSocket {
  if (socket) return socket;
  socket = io('/kiosk', {
    path: SOCKET_PATH,
    auth: (send) => send({ token: readCredential() ?? '' }),
    transports: ['websocket'],
    ...RECONNECT_BACKOFF,
  });
  keepBackoffFinite(socket.io);
  return socket;
}

/**
 * Sends one of the kiosk's commands with the payload its row of the contract takes, and answers
 * the row's result, parsed; never throws.
 */
export const command = commandSender(kioskContract.commands, () => socket, COMMAND_TIMEOUT_MS);
