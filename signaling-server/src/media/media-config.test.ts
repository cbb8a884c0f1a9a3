import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';

const LIVEKIT = {
  LIVEKIT_URL: 'wss://media.loket.example',
  LIVEKIT_API_KEY: 'key',
  LIVEKIT_API_SECRET: 'secret',
};

describe('media settings', () => {
  test('without them calls are peer-to-peer with no TURN', () => {
    expect(loadConfig({}, '/')).toMatchObject({ livekit: null, turn: null });
  });

  test('all three LIVEKIT_* settings turn LiveKit on', () => {
    expect(loadConfig(LIVEKIT, '/').livekit).toEqual({
      url: 'wss://media.loket.example',
      apiKey: 'key',
      apiSecret: 'secret',
    });
  });

  test('TURN URLs with a shared secret give time-limited credentials, an hour by default', () => {
    const config = loadConfig(
      { TURN_URLS: 'turn:127.0.0.1:3478, turns:turn.example:5349', TURN_SECRET: 's' },
      '/',
    );
    expect(config.turn).toEqual({
      urls: ['turn:127.0.0.1:3478', 'turns:turn.example:5349'],
      secret: 's',
      ttlSeconds: 3600,
    });
  });

  test.each([
    { env: { LIVEKIT_URL: LIVEKIT.LIVEKIT_URL }, names: /LIVEKIT_API_KEY/ },
    { env: { ...LIVEKIT, LIVEKIT_URL: 'https://media.example' }, names: /LIVEKIT_URL/ },
    { env: { TURN_URLS: 'turn:127.0.0.1:3478' }, names: /TURN_SECRET/ },
    { env: { TURN_SECRET: 's' }, names: /TURN_URLS/ },
    { env: { TURN_URLS: 'turn:x', TURN_SECRET: 's', TURN_TTL_SECONDS: '0' }, names: /TURN_TTL/ },
  ])('half a set or a bad value is refused by name: $names', ({ env, names }) => {
    expect(() => loadConfig(env, '/')).toThrow(ConfigError);
    expect(() => loadConfig(env, '/')).toThrow(names);
  });
});
