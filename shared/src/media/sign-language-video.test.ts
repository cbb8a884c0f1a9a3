import { describe, expect, test, vi } from 'vitest';
import { askForSigningVideo, keepFrameRate, SIGN_LANGUAGE_VIDEO } from './sign-language-video.js';

/** A sender holding what the browser would report, recording what it is asked to set. */
function fakeSender(encodings: RTCRtpEncodingParameters[], refuse = false) {
  const set = vi.fn(async () => {
    if (refuse) throw new DOMException('not supported', 'InvalidModificationError');
  });
  const sender = {
    getParameters: () => ({ encodings, transactionId: 't1', codecs: [], headerExtensions: [] }),
    setParameters: set,
  } as unknown as RTCRtpSender;
  return { sender, set };
}

describe('a sign-language video sender', () => {
  test('keeps its frame rate and lowers resolution instead, up to 25 fps at 2.5 Mbit/s', async () => {
    const { sender, set } = fakeSender([{ active: true }]);
    await keepFrameRate(sender);
    expect(set).toHaveBeenCalledWith(
      expect.objectContaining({
        degradationPreference: 'maintain-framerate',
        encodings: [{ active: true, maxFramerate: 25, maxBitrate: 2_500_000 }],
        transactionId: 't1',
      }),
    );
  });

  test('sends as before where the browser refuses the parameters', async () => {
    const { sender, set } = fakeSender([{}], true);
    await expect(keepFrameRate(sender)).resolves.toBeUndefined();
    expect(set).toHaveBeenCalledOnce();
  });
});

describe('asking a camera for sign-language video', () => {
  test('asks for at least 720p at 25 fps first, for video marked as motion', async () => {
    const applyConstraints = vi.fn(async () => undefined);
    const track = { applyConstraints, contentHint: '' };
    await askForSigningVideo(track as unknown as MediaStreamTrack);
    expect(track.contentHint).toBe('motion');
    expect(applyConstraints).toHaveBeenCalledExactlyOnceWith({
      width: { min: 1280 },
      height: { min: 720 },
      frameRate: { min: 25 },
    });
  });

  test('settles for as near as it can get, and keeps what it has if even that fails', async () => {
    const applyConstraints = vi
      .fn()
      .mockRejectedValueOnce(new DOMException('over', 'OverconstrainedError'))
      .mockRejectedValueOnce(new DOMException('over', 'OverconstrainedError'));
    await expect(
      askForSigningVideo({ applyConstraints } as unknown as MediaStreamTrack),
    ).resolves.toBeUndefined();
    expect(applyConstraints).toHaveBeenLastCalledWith(SIGN_LANGUAGE_VIDEO);
  });
});
