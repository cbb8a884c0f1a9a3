import { pino, type Logger } from 'pino';

export type { Logger };

/** The server's structured logger; every error is logged with the context that explains it. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'loket' } });
}
