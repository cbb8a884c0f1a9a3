import { describe, expect, test } from 'vitest';
import { hashPassword, verifyPassword } from './password.js';

describe('passwords', () => {
  test('a hashed password verifies and a wrong one does not', async () => {
    const stored = await hashPassword('kata-sandi-rahasia');
    expect(stored).not.toContain('kata-sandi-rahasia');
    await expect(verifyPassword('kata-sandi-rahasia', stored)).resolves.toBe(true);
    await expect(verifyPassword('kata-sandi-salah', stored)).resolves.toBe(false);
  });

  test('two hashes of one password differ by their salt', async () => {
    expect(await hashPassword('sama')).not.toBe(await hashPassword('sama'));
  });

  test('a malformed stored hash never matches', async () => {
    await expect(verifyPassword('x', 'plain-text')).resolves.toBe(false);
    await expect(verifyPassword('x', 'scrypt$1$2')).resolves.toBe(false);
  });
});
