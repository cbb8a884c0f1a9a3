import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../log.js';
import { Connection } from './connection.js';

function capturing() {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines };
}

const actor = { kind: 'kiosk', kioskId: 'k1', officeId: 'o1' } as const;

describe('a connection’s logger', () => {
  it('is not made while nothing is logged', () => {
    const { log } = capturing();
    const child = vi.spyOn(log, 'child');
    const connection = new Connection(actor, { kioskId: 'k1' }, log);
    expect(connection.me).toEqual({ kioskId: 'k1' });
    expect(child).not.toHaveBeenCalled();
  });

  it('is made once, bound to who acts, when the first line is logged', () => {
    const { log, lines } = capturing();
    const child = vi.spyOn(log, 'child');
    const connection = new Connection(actor, { kioskId: 'k1' }, log);
    connection.log.warn({ event: 'ticket:create' }, 'first');
    connection.log.error('second');
    expect(child).toHaveBeenCalledTimes(1);
    expect(lines.map((line) => [line.kioskId, line.msg])).toEqual([
      ['k1', 'first'],
      ['k1', 'second'],
    ]);
  });

  it('still redacts secrets in what it logs', () => {
    const { log, lines } = capturing();
    new Connection(actor, { kioskId: 'k1' }, log).log.info({ token: 'secret' }, 'with a token');
    expect(lines[0]?.token).toBe('[redacted]');
  });
});
