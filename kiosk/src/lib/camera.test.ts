import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeCamera, openCamera } from './camera';

function fakeStream() {
  const track = { readyState: 'live', stop: vi.fn(() => (track.readyState = 'ended')) };
  return { stream: { getTracks: () => [track] } as unknown as MediaStream, track };
}

describe('camera', () => {
  const getUserMedia = vi.fn();

  beforeEach(() => {
    getUserMedia.mockReset();
    Object.defineProperty(navigator, 'mediaDevices', {
      value: { getUserMedia },
      configurable: true,
    });
  });
  afterEach(closeCamera);

  it('opens the camera once and shares it between the preview and the call', async () => {
    const { stream } = fakeStream();
    getUserMedia.mockResolvedValue(stream);

    const [first, second] = await Promise.all([openCamera(), openCamera()]);

    expect(first).toBe(stream);
    expect(second).toBe(stream);
    expect(await openCamera()).toBe(stream);
    expect(getUserMedia).toHaveBeenCalledTimes(1);
  });

  it('stops every track when the visit ends', async () => {
    const { stream, track } = fakeStream();
    getUserMedia.mockResolvedValue(stream);
    await openCamera();

    closeCamera();

    expect(track.stop).toHaveBeenCalled();
  });

  it('stops a camera that finishes opening after the visit ended', async () => {
    const { stream, track } = fakeStream();
    let grant: (value: MediaStream) => void = () => {};
    getUserMedia.mockReturnValue(new Promise((resolve) => (grant = resolve)));

    const opening = openCamera();
    closeCamera();
    grant(stream);

    await expect(opening).rejects.toThrow();
    expect(track.stop).toHaveBeenCalled();
  });

  it('rejects when the browser refuses, and tries again next time', async () => {
    getUserMedia.mockRejectedValueOnce(new DOMException('denied', 'NotAllowedError'));

    await expect(openCamera()).rejects.toThrow('denied');
    getUserMedia.mockResolvedValueOnce(fakeStream().stream);
    await expect(openCamera()).resolves.toBeDefined();
  });
});
