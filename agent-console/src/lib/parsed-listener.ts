import type { Parser } from './errors';

/**
 * Wraps a socket listener so it only ever sees payloads that pass their schema; anything else is
 * dropped with a warning instead of reaching the store.
 */
export function parsedListener<T>(parser: Parser<T>, handle: (value: T) => void) {
  return (raw: unknown): void => {
    let value: T;
    try {
      value = parser.parse(raw);
    } catch (error) {
      console.warn('Dropped a malformed server event', error);
      return;
    }
    handle(value);
  };
}
