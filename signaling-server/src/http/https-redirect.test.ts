import { describe, expect, test } from 'vitest';
import { redirectTarget } from './https-redirect.js';

describe('the plain-http redirect to https', () => {
  test.each([
    ['loket.kantor.go.id', '/kiosk/', undefined, 443, 'https://loket.kantor.go.id/kiosk/'],
    [
      'loket.kantor.go.id:80',
      '/console/?x=1',
      undefined,
      443,
      'https://loket.kantor.go.id/console/?x=1',
    ],
    ['192.168.1.20:8080', '/kiosk/', undefined, 8443, 'https://192.168.1.20:8443/kiosk/'],
    ['[::1]:80', '/', undefined, 443, 'https://[::1]/'],
    ['anything', '/kiosk/', 'https://loket.go.id', 443, 'https://loket.go.id/kiosk/'],
    ['evil.example', '//evil.example/x', undefined, 443, 'https://evil.example/'],
  ])('%s%s → %s', (host, path, publicUrl, port, expected) => {
    expect(redirectTarget(host, path, publicUrl, port)).toBe(expected);
  });

  test.each([[undefined], [''], ['a b'], ['x/y'], ['host:port'], ['@evil.example']])(
    'refuses the Host header %j',
    (host) => {
      expect(redirectTarget(host, '/', undefined, 443)).toBeNull();
    },
  );
});
