import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * The server's structured logger; every error is logged with the context that explains it. Lines
 * are written synchronously: the last ones before the process exits (a fatal error, "stopped")
 * must not be lost, and an async write to a full stdout pipe can be.
 */
export function createLogger(
  level: string,
  destination: DestinationStream = pino.destination({ dest: 1, sync: true }),
): Logger {
  return pino(
    { level, base: { service: 'loket' }, redact: { paths: SECRETS, censor: '[redacted]' } },
    destination,
  );
}

/**
 * Fields that hold a secret or what identifies one (a session's hash is as good as the session
 * to whoever reads the database's logs): replaced wherever a log line carries them.
 */
const SECRETS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'sessionHash',
  '*.sessionHash',
  'credential',
  '*.credential',
  'headers.cookie',
  '*.headers.cookie',
  'headers.authorization',
  '*.headers.authorization',
];
