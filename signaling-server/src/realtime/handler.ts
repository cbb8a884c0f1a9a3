import { fail, ok, type Ack, type SocketActor } from '@loket/shared';
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import type { Logger } from '../log.js';
import { LoketError } from '../services/errors.js';

/** Checks, before every event, that the actor may still act (e.g. the session is still valid). */
export type ActorCheck = (actor: SocketActor) => Promise<LoketError | null>;

type AnySocket = Socket<never, never, never, { actor: SocketActor }>;

/**
 * Registers handlers on one socket so that every event is validated with its schema, the actor
 * re-checked, the work run, and exactly one ack sent: `ok` with the data, or `ok: false` with a
 * stable code. Events this namespace does not handle are refused the same way.
 */
export class Handlers {
  readonly #names = new Set<string>();

  constructor(
    private readonly socket: AnySocket,
    private readonly log: Logger,
    private readonly check: ActorCheck,
  ) {
    socket.onAny((event: string, ...args: unknown[]) => {
      if (this.#names.has(event)) return;
      const ack = args.at(-1);
      this.log.warn({ event, actor: socket.data.actor }, 'refused event not allowed here');
      if (typeof ack === 'function') ack(fail('FORBIDDEN', `event ${event} is not allowed here`));
    });
  }

  on<S extends z.ZodType, R>(
    event: string,
    schema: S,
    run: (input: z.infer<S>, actor: SocketActor) => Promise<R>,
  ): this {
    this.#names.add(event);
    const raw = this.socket as unknown as {
      on(event: string, listener: (...args: unknown[]) => void): void;
    };
    raw.on(event, (...args: unknown[]) => {
      const ack = args.at(-1);
      if (typeof ack !== 'function') {
        this.log.warn({ event }, 'dropped command sent without an ack');
        return;
      }
      void this.#handle(event, schema, run, args.length > 1 ? args[0] : undefined).then(
        (response) => ack(response),
      );
    });
    return this;
  }

  async #handle<S extends z.ZodType, R>(
    event: string,
    schema: S,
    run: (input: z.infer<S>, actor: SocketActor) => Promise<R>,
    payload: unknown,
  ): Promise<Ack<R>> {
    const { actor } = this.socket.data;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      return fail(
        'BAD_REQUEST',
        parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      );
    }
    try {
      const refusal = await this.check(actor);
      if (refusal) {
        this.socket.disconnect(true);
        return fail(refusal.code, refusal.message);
      }
      return ok(await run(parsed.data, actor));
    } catch (error) {
      if (error instanceof LoketError) return fail(error.code, error.message, error.retryAt);
      this.log.error({ err: error, event, actor }, 'command failed');
      return fail('INTERNAL', 'something went wrong on the server');
    }
  }
}
