import { expect, test } from 'vitest';
import { kioskOfCredential, newKioskCredential } from './kiosk-credentials.js';
import { newToken } from './tokens.js';

test("a kiosk's credential names its kiosk, with a new secret each time", () => {
  const kioskId = '0b7c6f3e-2f1a-4c55-9d8e-3a1b2c3d4e5f';

  const first = newKioskCredential(kioskId);
  const second = newKioskCredential(kioskId);

  expect(kioskOfCredential(first)).toBe(kioskId);
  expect(kioskOfCredential(second)).toBe(kioskId);
  expect(first).not.toBe(second);
  expect(first).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
});

test('a credential made before credentials named their kiosk names none', () => {
  expect(kioskOfCredential(newToken())).toBeNull();
  expect(kioskOfCredential('.secret')).toBeNull();
});
