import pino from 'pino';
import { describe, expect, test } from 'vitest';
import type { ServiceContext } from './context.js';
import type { Notifier } from './outbox.js';
import { noTelemetry } from './telemetry.js';
import type { Db } from '../store/database.js';
import { WaitingLine } from '../store/waiting-line.js';
import { inTransaction, isTransient } from './transaction.js';

/** PostgreSQL's error for a transaction it chose to end in a deadlock. */
const deadlock = () => Object.assign(new Error('deadlock detected'), { code: '40P01' });

/** A context whose database runs each transaction's work directly, and what it told. */
function context() {
  const told: string[] = [];
  const db = { transaction: () => ({ execute: (work: (trx: unknown) => unknown) => work({}) }) };
  const ctx = {
    db,
    // These transactions change no waiting line: sealing them writes nothing.
    line: new WaitingLine(db as unknown as Db, 0),
    notifier: { queueChanged: (officeId: string) => told.push(officeId) } as unknown as Notifier,
    telemetry: noTelemetry,
    requestDispatch: () => undefined,
    log: pino({ level: 'silent' }),
  } as unknown as ServiceContext;
  return { ctx, told };
}

describe('a transaction PostgreSQL ends for a deadlock', () => {
  test('is run again from the start, and only what the attempt that committed says is told', async () => {
    const { ctx, told } = context();
    let attempts = 0;
    const result = await inTransaction(ctx, async (_trx, outbox) => {
      attempts += 1;
      outbox.queueChanged(`attempt-${attempts}`);
      if (attempts < 3) throw deadlock();
      return 'done';
    });
    expect(result).toBe('done');
    expect(attempts).toBe(3);
    expect(told).toEqual(['attempt-3']);
  });

  test('gives up after three attempts with the database’s error, telling nothing', async () => {
    const { ctx, told } = context();
    let attempts = 0;
    await expect(
      inTransaction(ctx, async (_trx, outbox) => {
        attempts += 1;
        outbox.queueChanged('o-1');
        throw deadlock();
      }),
    ).rejects.toMatchObject({ code: '40P01' });
    expect(attempts).toBe(3);
    expect(told).toEqual([]);
  });

  test('any other error is not retried', async () => {
    const { ctx } = context();
    let attempts = 0;
    await expect(
      inTransaction(ctx, async () => {
        attempts += 1;
        throw Object.assign(new Error('unique violation'), { code: '23505' });
      }),
    ).rejects.toThrow('unique violation');
    expect(attempts).toBe(1);
  });

  test.each([
    [{ code: '40P01' }, true],
    [{ code: '40001' }, true],
    [{ code: '23505' }, false],
    [new Error('plain'), false],
    [null, false],
  ])('%j is transient: %s', (error, transient) => {
    expect(isTransient(error)).toBe(transient);
  });
});
