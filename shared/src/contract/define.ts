import { z } from 'zod';
import type { Ack } from '../ack.js';

/**
 * One command a client may send: the schema its payload must pass, and the schema of the data its
 * ack carries when it succeeds.
 */
export interface CommandRow<I extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  input: I;
  result: R;
}

/** Every command of one namespace, by event name. */
export type CommandTable = Record<string, CommandRow>;

/** Every fact the server tells the clients of one namespace, by event name: its payload schema. */
export type EventTable = Record<string, z.ZodType>;

/** The contract of one socket.io namespace: what its clients send, and what they are told. */
export interface NamespaceContract<
  C extends CommandTable = CommandTable,
  E extends EventTable = EventTable,
> {
  commands: C;
  events: E;
}

/** A command's row; the types of both sides are inferred from the two schemas. */
export function command<I extends z.ZodType, R extends z.ZodType>(
  input: I,
  result: R,
): CommandRow<I, R> {
  return { input, result };
}

/** A namespace's contract, typed exactly as written so that every row keeps its own schemas. */
export function defineContract<C extends CommandTable, E extends EventTable>(
  contract: NamespaceContract<C, E>,
): NamespaceContract<C, E> {
  return contract;
}

/** The data a command's ack carries for a command that answers nothing but success. */
export const NoData = z.null();

/** What a client sends with command `E` (before the server's parse fills in defaults). */
export type CommandInput<C extends CommandTable, E extends keyof C> = z.input<C[E]['input']>;

/** What a command's handler receives: the payload as its schema parsed it. */
export type ParsedInput<C extends CommandTable, E extends keyof C> = z.output<C[E]['input']>;

/** What a command's handler must answer; the client parses it with the same schema. */
export type CommandAnswer<C extends CommandTable, E extends keyof C> = z.input<C[E]['result']>;

/** What a client holds once it parsed a command's answer. */
export type CommandData<C extends CommandTable, E extends keyof C> = z.output<C[E]['result']>;

/** What the server sends with event `E`. */
export type EventPayload<T extends EventTable, E extends keyof T> = z.input<T[E]>;

/** What a client holds once it parsed event `E`. */
export type ParsedEvent<T extends EventTable, E extends keyof T> = z.output<T[E]>;

/** socket.io's client-to-server event map of a namespace, derived from its command table. */
export type ClientToServerEvents<N extends NamespaceContract> = {
  [E in keyof N['commands'] & string]: (
    payload: CommandInput<N['commands'], E>,
    ack: (response: Ack<CommandAnswer<N['commands'], E>>) => void,
  ) => void;
};

/** socket.io's server-to-client event map of a namespace, derived from its event table. */
export type ServerToClientEvents<N extends NamespaceContract> = {
  [E in keyof N['events'] & string]: (payload: EventPayload<N['events'], E>) => void;
};
