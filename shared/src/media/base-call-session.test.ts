import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { BaseCallSession } from './base-call-session.js';
import type { CallConnectionState, MediaKind } from './call-session.js';

/** A track that says whether it was stopped and how `ended` listeners are told. */
function fakeTrack(kind: 'audio' | 'video') {
  const ended = new Set<() => void>();
  return {
    kind,
    enabled: true,
    contentHint: '',
    stop: vi.fn(),
    addEventListener: (_type: 'ended', listener: () => void) => ended.add(listener),
    end: () => ended.forEach((listener) => listener()),
  };
}
type FakeTrack = ReturnType<typeof fakeTrack>;

/** Just enough of a MediaStream, as Node has none. */
class FakeStream {
  tracks: FakeTrack[];
  constructor(tracks: FakeTrack[] = []) {
    this.tracks = [...tracks];
  }
  getTracks = () => this.tracks;
  getVideoTracks = () => this.tracks.filter((track) => track.kind === 'video');
  addTrack = (track: FakeTrack) => this.tracks.push(track);
  removeTrack = (track: FakeTrack) => (this.tracks = this.tracks.filter((t) => t !== track));
}

const asStream = (stream: FakeStream) => stream as unknown as MediaStream;
const asTrack = (track: FakeTrack) => track as unknown as MediaStreamTrack;

/** A transport that records what the shared bookkeeping asks of it. */
class TestSession extends BaseCallSession {
  readonly sent = vi.fn(async (_screen: MediaStream, _track: MediaStreamTrack) => undefined);
  readonly unsent = vi.fn();
  readonly released = vi.fn();

  async join(local: MediaStream): Promise<void> {
    this.useLocal(local);
  }
  protected async sendDevice(): Promise<void> {}
  protected sendScreen(screen: MediaStream, track: MediaStreamTrack): Promise<void> {
    return this.sent(screen, track);
  }
  protected unsendScreen(screen: MediaStream): void {
    this.unsent(screen);
  }
  protected release(): void {
    this.released();
  }

  move(state: CallConnectionState): void {
    this.setState(state);
  }
  rate(local: 'good' | 'poor', remote: 'good' | 'poor'): void {
    this.setQuality({ local, remote });
  }
  receive(track: FakeTrack): void {
    this.addRemoteTrack(asTrack(track));
  }
  shareRemote(track: FakeTrack | null): void {
    this.showRemoteScreen(track && asTrack(track));
  }
  tellAgain(): void {
    this.replay();
  }
  muted(kind: MediaKind): boolean {
    return this.isMuted(kind);
  }
}

let screen: FakeTrack;

beforeEach(() => {
  vi.stubGlobal('MediaStream', FakeStream);
  screen = fakeTrack('video');
  vi.stubGlobal('navigator', {
    mediaDevices: { getDisplayMedia: vi.fn(async () => new FakeStream([screen])) },
  });
});
afterEach(() => vi.unstubAllGlobals());

/** Everything a session tells, in order. */
function recorded(session: TestSession) {
  const heard: unknown[][] = [];
  for (const event of [
    'state',
    'quality',
    'remoteStream',
    'remoteScreen',
    'localScreen',
  ] as const) {
    session.on(event, (value: unknown) => heard.push([event, value]));
  }
  return heard;
}

describe('a call session’s shared bookkeeping', () => {
  test('state and quality are told only when they change', () => {
    const session = new TestSession();
    const heard = recorded(session);
    session.move('connecting');
    session.move('connected');
    session.move('connected');
    session.rate('good', 'poor');
    session.rate('good', 'poor');
    expect(heard).toEqual([
      ['state', 'connected'],
      ['quality', { local: 'good', remote: 'poor' }],
    ]);
    expect(session.state).toBe('connected');
    expect(session.quality).toEqual({ local: 'good', remote: 'poor' });
  });

  test('a kind muted before the stream came is not sent once it comes, and can be resumed', async () => {
    const session = new TestSession();
    const [camera, microphone] = [fakeTrack('video'), fakeTrack('audio')];
    session.setMuted('audio', true);
    await session.join(asStream(new FakeStream([camera, microphone])));
    expect([camera.enabled, microphone.enabled]).toEqual([true, false]);
    expect(session.muted('audio')).toBe(true);

    session.setMuted('audio', false);
    session.setMuted('video', true);
    expect([camera.enabled, microphone.enabled]).toEqual([false, true]);
  });

  test('the other party’s tracks arrive in one stream; their screen is told once per track', () => {
    const session = new TestSession();
    const heard = recorded(session);
    const [camera, shared] = [fakeTrack('video'), fakeTrack('video')];
    session.receive(camera);
    session.shareRemote(shared);
    session.shareRemote(shared);
    session.shareRemote(null);
    expect(heard.map(([event]) => event)).toEqual(['remoteStream', 'remoteScreen', 'remoteScreen']);
    expect((heard[0]![1] as FakeStream).tracks).toEqual([camera]);
    expect((heard[1]![1] as FakeStream).tracks).toEqual([shared]);
    expect(heard[2]![1]).toBeNull();
  });

  test('a listener that came late hears where things stand', () => {
    const session = new TestSession();
    const camera = fakeTrack('video');
    session.move('connected');
    session.receive(camera);
    session.shareRemote(fakeTrack('video'));
    const heard = recorded(session);
    session.tellAgain();
    expect(heard.map(([event]) => event)).toEqual([
      'state',
      'quality',
      'remoteStream',
      'remoteScreen',
    ]);
  });

  test('a device switch before joining is refused', async () => {
    await expect(new TestSession().switchDevice('video', 'cam-2')).rejects.toThrow(/before join/);
  });
});

describe('a screen share', () => {
  test('is sent and told, and stopped by the browser’s own control', async () => {
    const session = new TestSession();
    const heard = recorded(session);
    await session.startScreenShare();
    expect(session.sent).toHaveBeenCalledWith(expect.any(FakeStream), screen);
    expect(screen.contentHint).toBe('detail');
    await session.startScreenShare();
    expect(navigator.mediaDevices.getDisplayMedia).toHaveBeenCalledOnce();

    screen.end();
    expect(session.unsent).toHaveBeenCalledOnce();
    expect(screen.stop).toHaveBeenCalled();
    expect(heard.map(([event, value]) => [event, value === null])).toEqual([
      ['localScreen', false],
      ['localScreen', true],
    ]);
  });

  test('that cannot be sent stops its capture, is not told, and can be asked for again', async () => {
    const session = new TestSession();
    const heard = recorded(session);
    session.sent.mockRejectedValueOnce(new Error('publish failed'));
    await expect(session.startScreenShare()).rejects.toThrow('publish failed');
    expect(screen.stop).toHaveBeenCalled();
    expect(heard).toEqual([]);

    await session.startScreenShare();
    expect(session.sent).toHaveBeenCalledTimes(2);
  });

  test('chosen after the call ended is stopped, not sent', async () => {
    const session = new TestSession();
    vi.mocked(navigator.mediaDevices.getDisplayMedia).mockImplementationOnce(async () => {
      session.leave();
      return new FakeStream([screen]) as unknown as MediaStream;
    });
    await session.startScreenShare();
    expect(session.sent).not.toHaveBeenCalled();
    expect(screen.stop).toHaveBeenCalled();
  });
});

describe('leaving', () => {
  test('ends once: the screen share stops, `ended` is told, then nothing more', async () => {
    const session = new TestSession();
    await session.startScreenShare();
    const heard = recorded(session);
    session.leave();
    session.leave();
    expect(heard).toEqual([['state', 'ended']]);
    expect(screen.stop).toHaveBeenCalled();
    expect(session.released).toHaveBeenCalledOnce();
    expect(session.state).toBe('ended');
  });
});
