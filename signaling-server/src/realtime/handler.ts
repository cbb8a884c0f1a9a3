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
import { sizeOf, type EventBudgets } from './socket-limits.js';

/**
 * Checks, before every event, that the actor may still act (e.g. the session is still valid). A
 * check that needs no I/O answers at once, so the command goes on without waiting a turn.
 */
export type ActorCheck = (actor: SocketActor) => LoketError | null | Promise<LoketError | null>;

/** What every connection's commands are run with: who acts, and where its lines are logged. */
export interface Session {
  readonly actor: SocketActor;
  readonly log: Logger;
}

/**
 * One handler for every command of a namespace's table: each receives the payload as its row's
 * schema parsed it, and the session of the connection that sent it, and must answer what the
 * row's result schema takes. A missing handler, or one whose input or answer differs from its
 * row, does not compile.
 */
export type CommandHandlers<C extends CommandTable, S extends Session = Session> = {
  [E in keyof C & string]: (input: ParsedInput<C, E>, session: S) => Promise<CommandAnswer<C, E>>;
};

/** What serving a namespace's commands needs besides the table and its handlers. */
export interface ServeOptions {
  /** Run before each command; a refusal answers the command and closes the socket. */
  check: ActorCheck;
  /** What each sender may send; shared by all of a sender's sockets. */
  budgets: EventBudgets;
}

/** Puts one socket on its namespace's commands, with the session its handlers are given. */
export type ServeSocket<S extends Session> = (socket: Socket, session: S) => void;

/**
 * Serves the commands of `commands`, built once for a namespace: on each socket put on it, every
 * event is taken from its sender's budget, validated with its row's schema, the actor re-checked,
 * its handler run, and exactly one ack sent: `ok` with the data, or `ok: false` with a stable
 * code. Events the table does not hold are refused the same way.
 *
 * The handlers are the namespace's, not the socket's: a socket costs one middleware however many
 * commands its namespace has. Thousands of idle kiosks each holding a closure per command made
 * every connection allocate and keep what garbage collection then had to copy.
 */
export function commandServer<C extends CommandTable, S extends Session>(
  commands: C,
  handlers: CommandHandlers<C, S>,
  { check, budgets }: ServeOptions,
): ServeSocket<S> {
  /** Answers one command through its ack, exactly once. */
  async function handle(
    socket: Socket,
    session: S,
    event: string,
    payload: unknown,
    ack: (response: Ack<unknown>) => void,
  ): Promise<void> {
    const parsed = commands[event]!.input.safeParse(payload);
    if (!parsed.success) {
      return ack(
        fail(
          'BAD_REQUEST',
          parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        ),
      );
    }
    let response: Ack<unknown>;
    try {
      const checked = check(session.actor);
      const refusal = checked instanceof Promise ? await checked : checked;
      if (refusal) {
        socket.disconnect(true);
        response = fail(refusal.code, refusal.message);
      } else {
        const run = handlers[event] as (input: unknown, session: S) => Promise<unknown>;
        response = ok(await run(parsed.data, session));
      }
    } catch (error) {
      if (error instanceof LoketError) {
        response = fail(error.code, error.message, error.retryAt);
      } else {
        session.log.error({ err: error, event, actor: session.actor }, 'command failed');
        response = fail('INTERNAL', 'something went wrong on the server');
      }
    }
    ack(response);
  }

  return (socket, session) => {
    const { actor } = session;
    const sender = actor.kind === 'kiosk' ? `kiosk:${actor.kioskId}` : `user:${actor.userId}`;
    const { refusalsBeforeDisconnect } = budgets.limits;
    // Refusals are counted: the first of each kind is worth a line, the rest only add to a count
    // written when the socket closes, so refusals cannot flood the log.
    let refused = 0;
    let forbidden = 0;
    // Every event the client sends ends here: a command is answered, anything else refused, and
    // nothing goes on to listeners.
    socket.use((packet) => {
      const [event, ...args] = packet;
      const ack = args.at(-1);
      const overBudget = !budgets.take(sender, packet, sizeOf);
      if (overBudget || !Object.hasOwn(commands, event)) {
        if (overBudget) refused += 1;
        else forbidden += 1;
        if (refused + forbidden === 1) {
          socket.once('disconnect', () => {
            if (refused > 0 && refused < refusalsBeforeDisconnect) {
              session.log.info(
                { refused },
                'socket closed after events over its budget were refused',
              );
            }
            if (forbidden > 1) {
              session.log.warn({ forbidden }, 'socket closed after events not allowed here');
            }
          });
        }
        if (!overBudget) {
          if (forbidden === 1) session.log.warn({ event, actor }, 'refused event not allowed here');
          if (typeof ack === 'function')
            ack(fail('FORBIDDEN', `event ${event} is not allowed here`));
          return;
        }
        if (refused === 1) session.log.warn({ event }, 'socket over its event budget: refusing');
        if (typeof ack === 'function') ack(fail('RATE_LIMITED', 'too many events, slow down'));
        if (refused === refusalsBeforeDisconnect) {
          session.log.warn({ refused }, 'socket kept sending over its budget: disconnected');
          socket.disconnect(true);
        }
        return;
      }
      if (typeof ack !== 'function') {
        session.log.warn({ event }, 'dropped command sent without an ack');
        return;
      }
      void handle(socket, session, event, args.length > 1 ? args[0] : undefined, ack);
    });
  };
}
