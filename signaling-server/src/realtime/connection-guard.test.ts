import type { IncomingMessage } from 'node:http';
import { pino } from 'pino';
import { describe, expect, test, vi } from 'vitest';
import { OriginPolicy } from '../auth/origin.js';
import { addressReader, ConnectionGuard } from './connection-guard.js';

const request = (socketAddress: string, forwardedFor?: string) =>
  ({
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    socket: { remoteAddress: socketAddress },
  }) as unknown as IncomingMessage;

describe("a handshake's address", () => {
  test('is the socket’s own when no proxy is trusted, whatever X-Forwarded-For says', () => {
    const read = addressReader(false);
    expect(read(request('127.0.0.1', '203.0.113.7'))).toBe('127.0.0.1');
    expect(read(request('::1'))).toBe('::1');
  });

  test('is taken from X-Forwarded-For as far as the trusted hops go', () => {
    expect(addressReader(1)(request('10.0.0.2', '203.0.113.7, 10.0.0.9'))).toBe('10.0.0.9');
    expect(addressReader(2)(request('10.0.0.2', '203.0.113.7, 10.0.0.9'))).toBe('203.0.113.7');
    expect(addressReader(true)(request('10.0.0.2', '203.0.113.7, 10.0.0.9'))).toBe('203.0.113.7');
  });

  test('is believed only from the proxies a list names', () => {
    const read = addressReader(['loopback', '10.0.0.0/8']);
    expect(read(request('127.0.0.1', '203.0.113.7'))).toBe('203.0.113.7');
    expect(read(request('10.1.2.3', '198.51.100.4, 10.0.0.9'))).toBe('198.51.100.4');
    expect(read(request('192.0.2.1', '203.0.113.7'))).toBe('192.0.2.1');
  });
});

describe('a handshake let in', () => {
  test('leaves its request as it found it, since every open socket keeps its request', () => {
    const guard = new ConnectionGuard({
      origins: new OriginPolicy(undefined, []),
      trustProxy: false,
      maxPerAddress: 5,
      log: pino({ level: 'silent' }),
    });
    const req = request('127.0.0.1');
    const keys = Reflect.ownKeys(req);
    const callback = vi.fn();
    guard.allowRequest(req, callback);
    expect(callback).toHaveBeenCalledWith(null, true);
    expect(Reflect.ownKeys(req)).toEqual(keys);
  });
});
