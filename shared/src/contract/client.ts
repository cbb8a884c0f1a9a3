import { z } from 'zod';
import { ackSchema, type ApiError, type ErrorCode } from '../ack.js';
import type { CommandData, CommandInput, CommandTable, EventTable, ParsedEvent } from './define.js';

/**
 * Codes a client can meet: the server's, plus the server not answering in time and an answer or
 * event that does not pass its schema.
 */
export type ClientErrorCode = ErrorCode | 'TIMEOUT' | 'BAD_RESPONSE';

/** A command's outcome as a client sees it: the parsed data, or a typed error. */
export type CommandOutcome<T> =
  { ok: true; data: T } | { ok: false; error: Omit<ApiError, 'code'> & { code: ClientErrorCode } };

/** A socket.io client socket, as far as sending commands is concerned. */
export interface CommandSocket {
  timeout: unknown;
}

/** A socket.io client socket, as far as hearing events is concerned. */
export interface EventSocket {
  on: unknown;
  off: unknown;
}

// socket.io types `emitWithAck` and `on` per event name, which a name chosen at run time cannot
// satisfy; the table types both ends instead, so the socket is used untyped in these two places.
interface UntypedAcks {
  timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> };
}
interface UntypedEvents {
  on(event: string, listener: (payload: unknown) => void): unknown;
  off(event: string, listener: (payload: unknown) => void): unknown;
}

const failure = (code: ClientErrorCode, message: string) =>
  ({ ok: false, error: { code, message } }) as const;

/**
 * A function that sends the commands of `commands` over the socket `socket()` returns: only with
 * the payload its row takes, and answering the row's result parsed with its schema. It never
 * throws: no socket or no answer within `timeoutMs` is `TIMEOUT`, an answer that does not pass
 * the schema is `BAD_RESPONSE`.
 */
export function commandSender<C extends CommandTable>(
  commands: C,
  socket: () => CommandSocket | null,
  timeoutMs: number,
) {
  const acks = new Map<string, z.ZodType>();
  const ackOf = (event: string, row: C[string]) => {
    let schema = acks.get(event);
    if (!schema) acks.set(event, (schema = ackSchema(row.result)));
    return schema;
  };
  return async function send<E extends keyof C & string>(
    event: E,
    payload: CommandInput<C, E>,
  ): Promise<CommandOutcome<CommandData<C, E>>> {
    const current = socket();
    if (!current) return failure('TIMEOUT', 'not connected');
    let ack: unknown;
    try {
      ack = await (current as UntypedAcks).timeout(timeoutMs).emitWithAck(event, payload);
    } catch (error) {
      return failure('TIMEOUT', error instanceof Error ? error.message : String(error));
    }
    const parsed = ackOf(event, commands[event]!).safeParse(ack);
    if (!parsed.success) return failure('BAD_RESPONSE', z.prettifyError(parsed.error));
    return parsed.data as CommandOutcome<CommandData<C, E>>;
  };
}

/** What a client does with the events it listens to, each given its parsed payload. */
export type EventHandlers<T extends EventTable> = {
  [E in keyof T & string]?: (payload: ParsedEvent<T, E>) => void;
};

/**
 * Listens to the events of `handlers` on `socket`, each payload parsed with its schema first: a
 * payload that fails reaches no handler (nothing is half-applied) and goes to `onMalformed`.
 * Returns the function that stops listening.
 */
export function listen<T extends EventTable>(
  socket: EventSocket,
  events: T,
  handlers: EventHandlers<T>,
  onMalformed: (event: keyof T & string, error: z.ZodError) => void,
): () => void {
  const raw = socket as unknown as UntypedEvents;
  const listeners = Object.entries(handlers).map(([event, handle]) => {
    const listener = (payload: unknown) => {
      const parsed = events[event]!.safeParse(payload);
      if (parsed.success) (handle as (value: unknown) => void)(parsed.data);
      else onMalformed(event, parsed.error);
    };
    raw.on(event, listener);
    return [event, listener] as const;
  });
  return () => {
    for (const [event, listener] of listeners) raw.off(event, listener);
  };
}
