import { RECONNECT_BACKOFF } from '@loket/shared';
import { Manager } from 'socket.io-client';
import { expect, test } from 'vitest';

/** The waits, in ms, socket.io-client's own back-off gives a client with the shared settings. */
function waits(attempts: number): number[] {
  const manager = new Manager('http://127.0.0.1:9', { autoConnect: false, ...RECONNECT_BACKOFF });
  // The back-off socket.io keeps inside the manager: the one a real client waits by.
  const { backoff } = manager as unknown as { backoff: { duration(): number } };
  return Array.from({ length: attempts }, () => backoff.duration());
}

test('a client that lost the server tries again within a second, on every attempt', () => {
  for (let client = 0; client < 200; client += 1) {
    expect(Math.max(...waits(30))).toBeLessThanOrEqual(1000);
  }
});

test("an office's clients spread their first attempts over half a second instead of one burst", () => {
  const first = Array.from({ length: 500 }, () => waits(1)[0]!);
  expect(Math.min(...first)).toBeGreaterThanOrEqual(250);
  expect(Math.max(...first) - Math.min(...first)).toBeGreaterThan(400);
});
