import {
  commandSender,
  listen,
  type CommandData,
  type CommandInput,
  type CommandSocket,
  type CommandTable,
  type EventHandlers,
  type EventSocket,
  type EventTable,
} from '@loket/shared';
import { errorShown } from '../store/actions';
import { ConsoleError } from './errors';

/** How long a command may wait for its ack. */
export const ACK_TIMEOUT_MS = 8000;

/**
 * A function that sends the commands of one namespace's table over `socket()`, with the payload
 * each row takes, and resolves with the row's result, parsed. A refusal, a timeout or a malformed
 * answer rejects with a ConsoleError whose code the screens translate.
 */
export function commandRunner<C extends CommandTable>(commands: C, socket: () => CommandSocket) {
  const send = commandSender(commands, socket, ACK_TIMEOUT_MS);
  return async function run<E extends keyof C & string>(
    event: E,
    payload: CommandInput<C, E>,
  ): Promise<CommandData<C, E>> {
    const outcome = await send(event, payload);
    if (outcome.ok) return outcome.data;
    throw new ConsoleError(outcome.error.code, outcome.error.message);
  };
}

/**
 * Hands the events of `handlers` to them, each payload parsed with its schema first; a payload
 * that breaks the contract is dropped before it reaches the store, and the page says something
 * went wrong. Returns the function that stops listening.
 */
export function listenTo<T extends EventTable>(
  socket: EventSocket,
  events: T,
  handlers: EventHandlers<T>,
): () => void {
  return listen(socket, events, handlers, (event, error) => {
    console.warn(`Dropped a malformed ${event} from the server`, error);
    errorShown('BAD_RESPONSE');
  });
}
