import { describe, expect, test } from 'vitest';
import { OriginPolicy } from './origin.js';

const request = (origin: string | undefined, host = 'loket.example', encrypted = false) =>
  ({
    headers: { host, ...(origin === undefined ? {} : { origin }) },
    socket: { encrypted },
  }) as unknown as Parameters<OriginPolicy['allows']>[0];

describe('the origin policy', () => {
  const policy = new OriginPolicy('https://loket.example', ['http://localhost:5173']);

  test('lets in the public address, the named origins and requests from no page', () => {
    expect(policy.allows(request('https://loket.example'))).toBe(true);
    expect(policy.allows(request('http://localhost:5173'))).toBe(true);
    expect(policy.allows(request(undefined))).toBe(true);
  });

  test('lets in a page of the address the request was sent to', () => {
    expect(policy.allows(request('http://10.0.0.5:8080', '10.0.0.5:8080'))).toBe(true);
    expect(policy.allows(request('https://10.0.0.5', '10.0.0.5', true))).toBe(true);
    expect(policy.allows(request('http://10.0.0.5', '10.0.0.5', true))).toBe(false);
  });

  test('refuses another port and a sibling subdomain of the same site', () => {
    const overTls = (origin: string) => request(origin, 'loket.example', true);
    expect(policy.allows(overTls('https://loket.example:8443'))).toBe(false);
    expect(policy.allows(overTls('https://blog.loket.example'))).toBe(false);
    expect(policy.allows(overTls('http://loket.example'))).toBe(false);
    expect(policy.allows(overTls('null'))).toBe(false);
  });
});
