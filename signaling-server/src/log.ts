import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * The server's structured logger; every error is logged with the context that explains it. Lines
 * are written synchronously: the last ones before the process exits (a fatal error, "stopped")
 * must not be lost, and an async write to a full stdout pipe can be.
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'loket' } }, pino.destination({ dest: 1, sync: true }));
}
