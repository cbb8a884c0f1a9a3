import {
  fail,
  ok,
  type Ack,
  type CommandAnswer,
  type CommandTable,
  type ParsedInput,
  type SocketActor,
} from '@loket/shared';
import type { Socket } from 'socket.io';
import type { Logger } from '../log.js';
import { LoketError } from '../context/errors.js';
import { limitEvents, type EventBudgets } from './socket-limits.js';

/** Checks, before every event, that the actor may still act (e.g. the session is still valid). */
export type ActorCheck = (actor: SocketActor) => Promise<LoketError | null>;

/**
 * One handler for every command of a namespace's table: each receives the payload as its row's
 * schema parsed it and must answer what the row's result schema takes. A missing handler, or one
 * whose input or answer differs from its row, does not compile.
 */
export type CommandHandlers<C extends CommandTable> = {
  [E in keyof C & string]: (input: ParsedInput<C, E>) => Promise<CommandAnswer<C, E>>;
};

/** What serving a namespace's commands needs besides the table and its handlers. */
export interface ServeOptions {
  log: Logger;
  /** Run before each command; a refusal answers the command and closes the socket. */
  check: ActorCheck;
  /** What each sender may send; shared by all of a sender's sockets. */
  budgets: EventBudgets;
}

/**
 * Serves the commands of `commands` on one socket: every event is validated with its row's
 * schema, the actor re-checked, its handler run, and exactly one ack sent: `ok` with the data, or
 * `ok: false` with a stable code. Events the table does not hold are refused the same way.
 */
export function serveCommands<C extends CommandTable>(
  socket: Socket<never, never, never, { actor: SocketActor }>,
  commands: C,
  handlers: CommandHandlers<C>,
  { log, check, budgets }: ServeOptions,
): void {
  const { actor } = socket.data;
  const sender = actor.kind === 'kiosk' ? `kiosk:${actor.kioskId}` : `user:${actor.userId}`;
  limitEvents(socket as unknown as Socket, sender, budgets, log);
  let forbidden = 0;
  socket.onAny((event: string, ...args: unknown[]) => {
    if (Object.hasOwn(commands, event)) return;
    const ack = args.at(-1);
    // The first is worth a line; the rest only add to the count, so refusals cannot flood the log.
    forbidden += 1;
    if (forbidden === 1)
      log.warn({ event, actor: socket.data.actor }, 'refused event not allowed here');
    if (typeof ack === 'function') ack(fail('FORBIDDEN', `event ${event} is not allowed here`));
  });
  socket.on('disconnect', () => {
    if (forbidden > 1) log.warn({ forbidden }, 'socket closed after events not allowed here');
  });

  async function handle(event: string, payload: unknown): Promise<Ack<unknown>> {
    const { actor } = socket.data;
    const parsed = commands[event]!.input.safeParse(payload);
    if (!parsed.success) {
      return fail(
        'BAD_REQUEST',
        parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      );
    }
    try {
      const refusal = await check(actor);
      if (refusal) {
        socket.disconnect(true);
        return fail(refusal.code, refusal.message);
      }
      const run = handlers[event] as (input: unknown) => Promise<unknown>;
      return ok(await run(parsed.data));
    } catch (error) {
      if (error instanceof LoketError) return fail(error.code, error.message, error.retryAt);
      log.error({ err: error, event, actor }, 'command failed');
      return fail('INTERNAL', 'something went wrong on the server');
    }
  }

  // One middleware, after the budget's, answers every command: a socket costs one function
  // however many commands its namespace has, where a listener per command made each connection
  // build a closure for each. A command is answered here and goes no further.
  socket.use(([event, ...args], next) => {
    if (!Object.hasOwn(commands, event)) return next();
    const ack = args.at(-1);
    if (typeof ack !== 'function') {
      log.warn({ event }, 'dropped command sent without an ack');
      return;
    }
    void handle(event, args.length > 1 ? args[0] : undefined).then((response) => ack(response));
  });
}
