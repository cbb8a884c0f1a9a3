import { beforeEach, describe, expect, it } from 'vitest';
import { readDeviceToken, TOKEN_KEY } from './device-token';

describe('readDeviceToken', () => {
  beforeEach(() => {
    localStorage.clear();
    history.replaceState(null, '', '/kiosk/');
  });

  it('saves a token from the enrolment link and removes it from the address bar', () => {
    history.replaceState(null, '', '/kiosk/?device=abcdefghijklmnop&x=1');

    expect(readDeviceToken()).toBe('abcdefghijklmnop');
    expect(localStorage.getItem(TOKEN_KEY)).toBe('abcdefghijklmnop');
    expect(window.location.search).toBe('?x=1');
  });

  it('falls back to the saved token', () => {
    localStorage.setItem(TOKEN_KEY, 'saved-token-123456');

    expect(readDeviceToken()).toBe('saved-token-123456');
  });

  it('finds nothing on a kiosk that was never enrolled', () => {
    expect(readDeviceToken()).toBeNull();
  });
});
