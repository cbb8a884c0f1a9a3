import { keepBackoffFinite, RECONNECT_BACKOFF } from '@loket/shared';
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

/** The waits a client gives after the server has been down for `attempts` attempts. */
function waitsAfter(attempts: number, finite: boolean): number[] {
  const manager = new Manager('http://127.0.0.1:9', { autoConnect: false, ...RECONNECT_BACKOFF });
  if (finite) keepBackoffFinite(manager);
  const inside = manager as unknown as {
    backoff: { attempts: number; duration(): number };
    emitReserved(event: 'reconnect_attempt', attempt: number): void;
  };
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    inside.emitReserved('reconnect_attempt', attempt);
  }
  inside.backoff.attempts = attempts;
  return Array.from({ length: 200 }, () => inside.backoff.duration());
}

test('a client whose server has been down for hours still waits a second between attempts', () => {
  // socket.io's own jittered back-off overflows there and waits 0 ms about half the time.
  expect(waitsAfter(2000, false)).toContain(0);
  expect(new Set(waitsAfter(2000, true))).toEqual(new Set([1000]));
});

test('a client that connected again spreads its next first attempts again', () => {
  const manager = new Manager('http://127.0.0.1:9', { autoConnect: false, ...RECONNECT_BACKOFF });
  keepBackoffFinite(manager);
  const inside = manager as unknown as {
    emitReserved(event: 'reconnect_attempt' | 'reconnect', attempt?: number): void;
  };
  for (let attempt = 1; attempt <= 20; attempt += 1)
    inside.emitReserved('reconnect_attempt', attempt);
  expect(manager.randomizationFactor()).toBe(0);
  inside.emitReserved('reconnect', 20);
  expect(manager.randomizationFactor()).toBe(RECONNECT_BACKOFF.randomizationFactor);
});
