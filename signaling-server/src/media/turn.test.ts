import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { iceServersFor, turnCredentials } from './turn.js';

const NOW = Date.UTC(2026, 0, 1, 8, 0, 0);

describe('turnCredentials', () => {
  test.each([
    { ttl: 60, identity: 'kiosk:k1', expiry: NOW / 1000 + 60 },
    { ttl: 3600, identity: 'agent:u1', expiry: NOW / 1000 + 3600 },
  ])('$identity for $ttl s expires at now + ttl', ({ ttl, identity, expiry }) => {
    const { username, credential } = turnCredentials('s3cret', identity, ttl, NOW);
    expect(username).toBe(`${expiry}:${identity}`);
    // coturn recomputes exactly this from its static-auth-secret.
    expect(credential).toBe(createHmac('sha1', 's3cret').update(username).digest('base64'));
  });

  test('a pinned vector, so a change of algorithm or encoding shows', () => {
    const { username, credential } = turnCredentials('secret', 'alice', 0, 1_700_000_000_000);
    expect(username).toBe('1700000000:alice');
    expect(credential).toBe('d8soP47RbdIKLDUOpnJPVQyq5Ts=');
  });

  test('a different secret gives a different credential', () => {
    const a = turnCredentials('one', 'x', 60, NOW);
    const b = turnCredentials('two', 'x', 60, NOW);
    expect(a.username).toBe(b.username);
    expect(a.credential).not.toBe(b.credential);
  });
});

describe('iceServersFor', () => {
  const stun = { urls: 'stun:127.0.0.1:3478' };

  test('without TURN the configured servers are given as they are', () => {
    expect(iceServersFor([stun], null, 'kiosk:k1', NOW)).toEqual([stun]);
  });

  test('with TURN each party gets its own credentials', () => {
    const turn = { urls: ['turn:127.0.0.1:3478'], secret: 's', ttlSeconds: 600 };
    const servers = iceServersFor([stun], turn, 'agent:u1', NOW);
    expect(servers).toEqual([
      stun,
      {
        urls: ['turn:127.0.0.1:3478'],
        username: `${NOW / 1000 + 600}:agent:u1`,
        credential: expect.any(String),
      },
    ]);
  });
});
