import { describe, expect, it } from 'vitest';
import { checkDevices } from './self-test';

function track() {
  const t = { readyState: 'live', stopped: false, stop: () => (t.stopped = true) };
  return t;
}

/** A browser's media devices answering as told: a stream, or the error it names. */
function devices(answers: { video: string; audio: string; outputs: number }) {
  const tracks: ReturnType<typeof track>[] = [];
  const media = {
    async getUserMedia(constraints: MediaStreamConstraints) {
      const answer = constraints.video ? answers.video : answers.audio;
      if (answer !== 'ok') throw new DOMException('refused', answer);
      const made = track();
      tracks.push(made);
      return { getTracks: () => [made] };
    },
    async enumerateDevices() {
      return Array.from({ length: answers.outputs }, () => ({ kind: 'audiooutput' }));
    },
  };
  return { media: media as unknown as MediaDevices, tracks };
}

describe('the device check', () => {
  it('finds working devices and releases every track it opened', async () => {
    const { media, tracks } = devices({ video: 'ok', audio: 'ok', outputs: 1 });
    expect(await checkDevices(media)).toEqual({ camera: 'ok', microphone: 'ok', speaker: 'ok' });
    expect(tracks).toHaveLength(2);
    expect(tracks.every((t) => t.stopped)).toBe(true);
  });

  it.each([
    { error: 'NotFoundError', check: 'missing' },
    { error: 'NotAllowedError', check: 'blocked' },
    { error: 'NotReadableError', check: 'failed' },
  ])('names a camera the browser answers $error for $check', async ({ error, check }) => {
    const { media } = devices({ video: error, audio: 'ok', outputs: 1 });
    expect(await checkDevices(media)).toEqual({
      camera: check,
      microphone: 'ok',
      speaker: 'ok',
    });
  });

  it('finds no speaker when the browser lists no audio output', async () => {
    const { media } = devices({ video: 'ok', audio: 'ok', outputs: 0 });
    expect((await checkDevices(media)).speaker).toBe('missing');
  });

  it('finds nothing in a browser without media devices', async () => {
    expect(await checkDevices(undefined)).toEqual({
      camera: 'missing',
      microphone: 'missing',
      speaker: 'missing',
    });
  });
});
