import { describe, expect, it } from 'vitest';
import { hashToken, newToken } from './tokens.js';

describe('tokens', () => {
  it('are 32 random bytes, base64url, and never repeat across refills of the pool', () => {
    const tokens = Array.from({ length: 1_000 }, () => newToken());
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
  });

  it('are never all zeros, as the bytes a token was made from are left behind', () => {
    const zero = Buffer.alloc(32).toString('base64url');
    expect(Array.from({ length: 600 }, () => newToken())).not.toContain(zero);
  });

  it('are stored as their SHA-256, the same every time', () => {
    expect(hashToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
