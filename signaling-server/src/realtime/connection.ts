import type { SocketActor } from '@loket/shared';
import type { Logger } from '../log.js';
import type { Session } from './handler.js';

/**
 * One socket's session: its actor, what the use cases are told of who acts (`me`), and a logger
 * bound to `me`. The logger is made the first time something is logged: pino redacts a child's
 * bindings when it makes it, which was most of what logging cost a kiosk's connection, and most
 * connections never log a line.
 */
export class Connection<Me extends object> implements Session {
  #log: Logger | undefined;

  constructor(
    readonly actor: SocketActor,
    readonly me: Me,
    private readonly parentLog: Logger,
  ) {}

  get log(): Logger {
    return (this.#log ??= this.parentLog.child(this.me));
  }
}
