import { afterEach, describe, expect, test, vi } from 'vitest';
import type { CallStart } from '../domain/call.js';
import { CallStart as CallStartSchema } from '../domain/call.js';
import { createCallSession } from './create-call-session.js';
import { LiveKitCallSession } from './livekit-call-session.js';

const BASE: CallStart = {
  callId: '00000000-0000-4000-8000-000000000001',
  ticketId: '00000000-0000-4000-8000-000000000002',
  ticketNumber: 'A-001',
  transport: 'livekit',
  iceServers: [],
  polite: true,
  peerName: 'Sari',
  livekit: { url: 'ws://127.0.0.1:7880', token: 'jwt' },
};
const signals = { send: () => undefined, subscribe: () => () => undefined };

afterEach(() => vi.unstubAllGlobals());

describe('createCallSession', () => {
  test('a LiveKit call gets a LiveKit session, without loading livekit-client yet', () => {
    vi.stubGlobal('MediaStream', class {});
    const session = createCallSession({ call: BASE, signals });
    expect(session).toBeInstanceOf(LiveKitCallSession);
    expect(session.state).toBe('connecting');
  });

  test('a LiveKit call whose room was joined while the offer rang goes on in that session', () => {
    vi.stubGlobal('MediaStream', class {});
    const preparedRoom = new LiveKitCallSession({ url: 'ws://127.0.0.1:7880', token: 'early' });
    expect(createCallSession({ call: BASE, signals, preparedRoom })).toBe(preparedRoom);
  });

  test('a LiveKit call without a token is a server fault, said plainly', () => {
    const withoutToken = { ...BASE, livekit: undefined };
    expect(() => createCallSession({ call: withoutToken, signals })).toThrow(/without a token/);
  });

  test('leaving before joining ends the session once, and it never connects', async () => {
    vi.stubGlobal('MediaStream', class {});
    const session = createCallSession({ call: BASE, signals });
    const states: string[] = [];
    session.on('state', (state) => states.push(state));
    session.leave();
    session.leave();
    expect(states).toEqual(['ended']);
    expect(session.state).toBe('ended');
  });
});

describe('a session before it joins', () => {
  test('has measured nothing, shares nothing, and has no camera to switch', async () => {
    vi.stubGlobal('MediaStream', class {});
    const session = createCallSession({ call: BASE, signals });
    const shared = vi.fn();
    session.on('localScreen', shared);
    expect(session.quality).toEqual({ local: 'unknown', remote: 'unknown' });
    session.stopScreenShare();
    expect(shared).not.toHaveBeenCalled();
    await expect(session.switchDevice('video', 'cam-2')).rejects.toThrow(/before join/);
  });
});

describe('CallStart on the wire', () => {
  test.each([
    { change: {}, ok: true },
    { change: { signLanguage: true }, ok: true },
    { change: { transport: 'sfu' }, ok: false },
    { change: { livekit: { url: 'ws://x' } }, ok: false },
  ])('$change → valid $ok', ({ change, ok }) => {
    expect(CallStartSchema.safeParse({ ...BASE, ...change }).success).toBe(ok);
  });
});
