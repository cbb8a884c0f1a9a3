import { beforeEach, describe, expect, it } from 'vitest';
import {
  CREDENTIAL_KEY,
  fallBackToPreviousCredential,
  forgetCredential,
  readCredential,
  savePairedCredential,
  saveCredential,
  takePairingCode,
} from './credential';

describe('the kiosk credential', () => {
  beforeEach(() => {
    localStorage.clear();
    history.replaceState(null, '', '/kiosk/');
  });

  it('is kept for the next connection and dropped when refused', () => {
    expect(readCredential()).toBeNull();
    saveCredential('credential-123456');
    expect(localStorage.getItem(CREDENTIAL_KEY)).toBe('credential-123456');
    forgetCredential();
    expect(readCredential()).toBeNull();
  });

  it('falls back once to the credential before the newest, and a pairing leaves none to fall back to', () => {
    saveCredential('first-credential');
    saveCredential('second-credential');
    saveCredential('second-credential');
    expect(readCredential()).toBe('second-credential');
    expect(fallBackToPreviousCredential()).toBe(true);
    expect(readCredential()).toBe('first-credential');
    expect(fallBackToPreviousCredential()).toBe(false);
    expect(readCredential()).toBe('first-credential');
    saveCredential('third-credential');
    savePairedCredential('paired-credential');
    expect(fallBackToPreviousCredential()).toBe(false);
    saveCredential('fourth-credential');
    forgetCredential();
    expect(fallBackToPreviousCredential()).toBe(false);
    expect(readCredential()).toBeNull();
  });

  it('is never read from the address bar', () => {
    history.replaceState(null, '', '/kiosk/?device=abcdefghijklmnop');
    expect(readCredential()).toBeNull();
  });
});

describe('a pairing link', () => {
  beforeEach(() => history.replaceState(null, '', '/kiosk/'));

  it('gives its code once and leaves the address bar clean', () => {
    history.replaceState(null, '', '/kiosk/?x=1#pair=ABCD2345');
    expect(takePairingCode()).toBe('ABCD2345');
    expect(window.location.hash).toBe('');
    expect(window.location.search).toBe('?x=1');
    expect(takePairingCode()).toBeNull();
  });
});
