import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DeviceSwitch } from './device-switch.js';

/** A camera track from `deviceId`, which says when it was stopped. */
function fakeTrack(deviceId: string) {
  return { kind: 'video', deviceId, enabled: true, stop: vi.fn(), getConstraints: () => ({}) };
}
type FakeTrack = ReturnType<typeof fakeTrack>;

/** The joined stream: its tracks, which a switch replaces in place. */
function fakeStream(tracks: FakeTrack[]) {
  const stream = {
    tracks,
    getTracks: () => stream.tracks,
    removeTrack: (track: FakeTrack) => (stream.tracks = stream.tracks.filter((t) => t !== track)),
    addTrack: (track: FakeTrack) => stream.tracks.push(track),
  };
  return stream;
}

/** getUserMedia that opens the device only when the test says so. */
let opening: { track: FakeTrack; open: () => void }[];
let ended: boolean;

beforeEach(() => {
  opening = [];
  ended = false;
  vi.stubGlobal('navigator', {
    mediaDevices: {
      getUserMedia: (constraints: { video: { deviceId: { exact: string } } }) =>
        new Promise((resolve) => {
          const { exact } = constraints.video.deviceId;
          const track = fakeTrack(exact);
          opening.push({
            track,
            open: () => resolve({ getVideoTracks: () => [track], getAudioTracks: () => [] }),
          });
        }),
    },
  });
});
afterEach(() => vi.unstubAllGlobals());

function start(switcher: DeviceSwitch, local: ReturnType<typeof fakeStream>, deviceId: string) {
  const send = vi.fn(async () => undefined);
  const result = switcher.run(local as unknown as MediaStream, 'video', deviceId, send);
  return { send, result };
}

describe('DeviceSwitch', () => {
  test('the new camera is sent and takes the old one’s place, which is stopped', async () => {
    const old = fakeTrack('cam-1');
    const local = fakeStream([old]);
    const { send, result } = start(new DeviceSwitch(() => ended), local, 'cam-2');
    await vi.waitFor(() => expect(opening).toHaveLength(1));
    opening[0]!.open();

    const next = await result;
    expect(send).toHaveBeenCalledWith(old, next);
    expect(local.tracks).toEqual([next]);
    expect(old.stop).toHaveBeenCalled();
  });

  test('a call that ended while the camera opened stops the new camera and fails', async () => {
    const old = fakeTrack('cam-1');
    const local = fakeStream([old]);
    const { send, result } = start(new DeviceSwitch(() => ended), local, 'cam-2');
    await vi.waitFor(() => expect(opening).toHaveLength(1));
    ended = true;
    opening[0]!.open();

    await expect(result).rejects.toThrow(/call ended/);
    expect(send).not.toHaveBeenCalled();
    expect(local.tracks).toEqual([old]);
    expect(old.stop).not.toHaveBeenCalled();
    expect(opening[0]!.track.stop).toHaveBeenCalled();
  });

  test('a second switch while one runs is refused, and one can follow when it is done', async () => {
    const local = fakeStream([fakeTrack('cam-1')]);
    const switcher = new DeviceSwitch(() => ended);
    const first = start(switcher, local, 'cam-2');
    await expect(start(switcher, local, 'cam-3').result).rejects.toThrow(/still running/);
    await vi.waitFor(() => expect(opening).toHaveLength(1));
    opening[0]!.open();
    await first.result;

    const third = start(switcher, local, 'cam-3');
    await vi.waitFor(() => expect(opening).toHaveLength(2));
    opening[1]!.open();
    await expect(third.result).resolves.toMatchObject({ deviceId: 'cam-3' });
  });

  test('a track that could not be sent is stopped and the old one stays', async () => {
    const old = fakeTrack('cam-1');
    const local = fakeStream([old]);
    const switcher = new DeviceSwitch(() => ended);
    const send = vi.fn(async () => {
      throw new Error('sender gone');
    });
    const result = switcher.run(local as unknown as MediaStream, 'video', 'cam-2', send);
    await vi.waitFor(() => expect(opening).toHaveLength(1));
    opening[0]!.open();

    await expect(result).rejects.toThrow('sender gone');
    expect(local.tracks).toEqual([old]);
    expect(old.stop).not.toHaveBeenCalled();
    expect(opening[0]!.track.stop).toHaveBeenCalled();
  });
});
