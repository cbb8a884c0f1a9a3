import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  test('an empty environment gives the embedded defaults', () => {
    const config = loadConfig({}, '/srv/loket');
    expect(config).toMatchObject({
      port: 8080,
      demoData: true,
      offerTimeoutMs: 20_000,
      iceServers: [],
      secureCookies: false,
      kioskDist: '/srv/loket/kiosk/dist',
    });
    expect(config.sqlitePath).toBe('/srv/loket/data/loket.db');
  });

  test('the default data folder is the workspace one, wherever the command runs from', () => {
    const config = loadConfig({}, '/srv/loket');
    expect(config.dataDir).toBe('/srv/loket/data');
  });

  test('a DATA_DIR given relatively is taken from the working directory', () => {
    expect(loadConfig({ DATA_DIR: 'state' }, '/srv/loket').dataDir).toBe(
      path.resolve(process.cwd(), 'state'),
    );
  });

  test('production turns demo data off unless asked for', () => {
    expect(loadConfig({ NODE_ENV: 'production' }, '/').demoData).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', DEMO_DATA: 'true' }, '/').demoData).toBe(true);
  });

  test('a public address that is not loopback turns demo data off unless asked for', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://loket.example' }, '/').demoData).toBe(false);
    expect(loadConfig({ PUBLIC_URL: 'http://192.168.1.20:8080' }, '/').demoData).toBe(false);
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:8080' }, '/').demoData).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'http://127.0.0.1:8080' }, '/').demoData).toBe(true);
    expect(
      loadConfig({ PUBLIC_URL: 'https://loket.example', DEMO_DATA: 'true' }, '/').demoData,
    ).toBe(true);
  });

  test('proxies are not believed unless TRUST_PROXY names them', () => {
    expect(loadConfig({}, '/').trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }, '/').trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }, '/').trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
    ]);
  });

  test('ICE servers are read from JSON and an https public URL makes cookies secure', () => {
    const config = loadConfig(
      {
        ICE_SERVERS: '[{"urls":"turn:turn.example:3478","username":"u","credential":"c"}]',
        PUBLIC_URL: 'https://loket.example',
      },
      '/',
    );
    expect(config.iceServers).toEqual([
      { urls: 'turn:turn.example:3478', username: 'u', credential: 'c' },
    ]);
    expect(config.secureCookies).toBe(true);
  });

  test('every bad value is reported at once, by name', () => {
    expect(() =>
      loadConfig({ PORT: 'eighty', ICE_SERVERS: '{', OFFER_TIMEOUT_SECONDS: '-1' }, '/'),
    ).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', ICE_SERVERS: '{' }, '/');
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/ICE_SERVERS/);
    }
  });

  test('a metrics token is off by default and must be long enough to guess', () => {
    expect(loadConfig({}, '/').metricsToken).toBeNull();
    expect(loadConfig({ METRICS_TOKEN: 'x'.repeat(16) }, '/').metricsToken).toBe('x'.repeat(16));
    expect(() => loadConfig({ METRICS_TOKEN: 'short' }, '/')).toThrow(/METRICS_TOKEN/);
  });

  test('forwarding complaints to SP4N-LAPOR! is off by default and takes its address and key together', () => {
    expect(loadConfig({}, '/').lapor).toBeNull();
    const url = 'https://api.lapor.example/v1';
    expect(loadConfig({ LAPOR_URL: url, LAPOR_TOKEN: 'key' }, '/').lapor).toEqual({
      url,
      token: 'key',
      timeoutMs: 10_000,
    });
    expect(() => loadConfig({ LAPOR_URL: url }, '/')).toThrow(/LAPOR_URL, LAPOR_TOKEN/);
    expect(() => loadConfig({ LAPOR_URL: 'ftp://lapor', LAPOR_TOKEN: 'key' }, '/')).toThrow(
      /LAPOR_URL/,
    );
  });

  test('captions offer the typed line by default, and the providers CAPTIONS lists', () => {
    expect(loadConfig({}, '/').captions).toEqual(['typed']);
    expect(loadConfig({ CAPTIONS: ' typed, browser,onprem ' }, '/').captions).toEqual([
      'typed',
      'browser',
      'onprem',
    ]);
    expect(() => loadConfig({ CAPTIONS: 'typed,cloud' }, '/')).toThrow(/CAPTIONS/);
  });

  test('the office’s recogniser is where RECOGNISER_URL says, given 10 s an utterance unless told', () => {
    expect(loadConfig({}, '/')).toMatchObject({ recogniserUrl: null, recogniserTimeoutMs: 10_000 });
    expect(
      loadConfig(
        { RECOGNISER_URL: 'http://127.0.0.1:8097', RECOGNISER_TIMEOUT_SECONDS: '2.5' },
        '/',
      ),
    ).toMatchObject({ recogniserUrl: 'http://127.0.0.1:8097', recogniserTimeoutMs: 2500 });
    expect(() => loadConfig({ RECOGNISER_URL: 'ftp://127.0.0.1' }, '/')).toThrow(/RECOGNISER_URL/);
    expect(() => loadConfig({ RECOGNISER_TIMEOUT_SECONDS: '0' }, '/')).toThrow(
      /RECOGNISER_TIMEOUT_SECONDS/,
    );
  });

  test('DATABASE_URL selects PostgreSQL and must be a postgres URL', () => {
    expect(loadConfig({}, '/').databaseUrl).toBeUndefined();
    const url = 'postgres://loket:secret@127.0.0.1:5432/loket';
    expect(loadConfig({ DATABASE_URL: url }, '/').databaseUrl).toBe(url);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/loket' }, '/')).toThrow(/DATABASE_URL/);
  });

  test('REDIS_URL joins a cluster of instances, and only on PostgreSQL', () => {
    expect(loadConfig({}, '/').redisUrl).toBeNull();
    const database = 'postgres://loket:secret@127.0.0.1:5432/loket';
    const redis = 'redis://127.0.0.1:6379';
    expect(loadConfig({ DATABASE_URL: database, REDIS_URL: redis }, '/').redisUrl).toBe(redis);
    expect(() => loadConfig({ REDIS_URL: redis }, '/')).toThrow(/REDIS_URL: .*PostgreSQL/);
    expect(() => loadConfig({ DATABASE_URL: database, REDIS_URL: 'http://r' }, '/')).toThrow(
      /REDIS_URL/,
    );
  });

  test('the service-level target and goal are read in seconds and percent', () => {
    expect(loadConfig({}, '/').serviceLevel).toEqual({ targetMs: 20_000, goal: 0.8 });
    expect(
      loadConfig({ SERVICE_LEVEL_SECONDS: '30', SERVICE_LEVEL_GOAL_PERCENT: '90' }, '/')
        .serviceLevel,
    ).toEqual({ targetMs: 30_000, goal: 0.9 });
    expect(() => loadConfig({ SERVICE_LEVEL_GOAL_PERCENT: '150' }, '/')).toThrow(
      /SERVICE_LEVEL_GOAL_PERCENT/,
    );
  });
});
