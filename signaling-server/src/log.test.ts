import { describe, expect, it, vi } from 'vitest';
import { childWhenUsed, createLogger } from './log.js';

function capturing() {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines };
}

describe('childWhenUsed', () => {
  it('makes no child logger while nothing is logged', () => {
    const { log } = capturing();
    const child = vi.spyOn(log, 'child');
    childWhenUsed(log, { kioskId: 'k1' });
    expect(child).not.toHaveBeenCalled();
  });

  it('logs with its bindings once used, making the child once', () => {
    const { log, lines } = capturing();
    const child = vi.spyOn(log, 'child');
    const kioskLog = childWhenUsed(log, { kioskId: 'k1' });
    kioskLog.warn({ event: 'ticket:create' }, 'first');
    kioskLog.error('second');
    expect(child).toHaveBeenCalledTimes(1);
    expect(lines.map(({ kioskId, msg }) => ({ kioskId, msg }))).toEqual([
      { kioskId: 'k1', msg: 'first' },
      { kioskId: 'k1', msg: 'second' },
    ]);
  });

  it('still redacts secrets in what it logs', () => {
    const { log, lines } = capturing();
    childWhenUsed(log, { kioskId: 'k1' }).info({ token: 'secret' }, 'with a token');
    expect(lines[0]?.token).toBe('[redacted]');
  });
});
