import { describe, expect, test } from 'vitest';
import type { DemoCredentials } from './demo/demo-data.js';
import { printWelcome } from './welcome.js';

const credentials: DemoCredentials = {
  kioskToken: 'k',
  users: [{ username: 'petugas1', password: 'rahasia-demo', role: 'agent', displayName: 'Sari' }],
};

function printed(isTTY: boolean): string {
  let text = '';
  printWelcome(
    'http://localhost:8080',
    {
      credentials,
      file: '/srv/loket/data/demo-credentials.json',
      pairing: { kioskId: 'k1', code: 'ABCDEFGH', expiresAt: Date.now() + 60_000 },
    },
    { isTTY, write: (chunk) => (text += chunk) },
  );
  return text;
}

describe('the welcome', () => {
  test('shows the demo passwords to the person at the terminal', () => {
    expect(printed(true)).toContain('rahasia-demo');
  });

  test('gives the kiosk a one-time pairing link, never its credential', () => {
    const text = printed(true);
    expect(text).toContain('http://localhost:8080/kiosk/#pair=ABCDEFGH');
    expect(text).not.toContain('device=');
  });

  test('names the file instead when the output is collected as a log', () => {
    const text = printed(false);
    expect(text).not.toContain('rahasia-demo');
    expect(text).toContain('/srv/loket/data/demo-credentials.json');
    expect(text).toContain('http://localhost:8080/console/');
    expect(text).toContain('http://localhost:8080/display/');
  });
});

describe('the warning for a kiosk on an insecure page', () => {
  const welcome = (base: string) => {
    let text = '';
    printWelcome(base, null, { write: (chunk) => (text += chunk) });
    return text;
  };

  test.each([
    ['http://192.168.1.20:8080', true],
    ['http://loket.kantor.go.id', true],
    ['https://loket.kantor.go.id', false],
    ['http://localhost:8080', false],
    ['http://127.0.0.1:8080', false],
  ])('at %s warns: %s', (base, warns) => {
    expect(welcome(base).includes('cannot use its camera')).toBe(warns);
  });
});
