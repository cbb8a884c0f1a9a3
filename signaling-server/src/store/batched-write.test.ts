import { describe, expect, test } from 'vitest';
import { batchedWrite } from './batched-write.js';

/** A write that records each batch it is given and finishes when the test lets it. */
function recordedWrite() {
  const batches: string[][] = [];
  const finishers: ((err?: Error) => void)[] = [];
  const write = (keys: string[]) =>
    new Promise<void>((resolve, reject) => {
      batches.push(keys);
      finishers.push((err) => (err ? reject(err) : resolve()));
    });
  return { write, batches, finish: (index: number, err?: Error) => finishers[index]!(err) };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('batched writes', () => {
  test('keys asked for in one turn are written by one batch, each caller answered by it', async () => {
    const { write, batches, finish } = recordedWrite();
    const clear = batchedWrite(write);
    const answered = Promise.all(['a', 'b', 'a', 'c'].map(clear));
    await turn();
    expect(batches).toEqual([['a', 'b', 'c']]);
    finish(0);
    await answered;
  });

  test('keys asked for while a batch runs are written together by the next one', async () => {
    const { write, batches, finish } = recordedWrite();
    const clear = batchedWrite(write);
    const first = clear('a');
    await turn();
    const later = Promise.all(['b', 'c'].map(clear));
    await turn();
    expect(batches).toEqual([['a']]);
    finish(0);
    await first;
    await turn();
    expect(batches).toEqual([['a'], ['b', 'c']]);
    finish(1);
    await later;
  });

  test('a failed batch fails its callers only, and the next batch is still written', async () => {
    const { write, batches, finish } = recordedWrite();
    const clear = batchedWrite(write);
    const first = clear('a');
    await turn();
    const later = clear('b');
    finish(0, new Error('store gone'));
    await expect(first).rejects.toThrow('store gone');
    await turn();
    expect(batches).toEqual([['a'], ['b']]);
    finish(1);
    await later;
  });
});
