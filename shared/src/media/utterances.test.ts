import { describe, expect, test } from 'vitest';
import { SPEECH_SAMPLE_RATE } from '../domain/captions.js';
import { downsample } from './speech-capture.js';
import { UtteranceSegmenter, type SpeechPiece } from './utterances.js';

const seconds = (s: number) => Math.round(s * SPEECH_SAMPLE_RATE);
const tone = (s: number) =>
  Float32Array.from(
    { length: seconds(s) },
    (_, i) => 0.3 * Math.sin((2 * Math.PI * 220 * i) / 16000),
  );
const quiet = (s: number) =>
  Float32Array.from({ length: seconds(s) }, (_, i) => (i % 2 ? 0.001 : -0.001));

function heard(...parts: Float32Array[]): SpeechPiece[] {
  const pieces: SpeechPiece[] = [];
  const segmenter = new UtteranceSegmenter((piece) => pieces.push(piece));
  // In blocks of the size an audio graph hands over, not one sample run.
  for (const part of parts) {
    for (let at = 0; at < part.length; at += 1365) segmenter.push(part.subarray(at, at + 1365));
  }
  return pieces;
}
const secondsOf = (pieces: SpeechPiece[]) =>
  pieces.reduce((sum, p) => sum + p.pcm.byteLength, 0) / 2 / SPEECH_SAMPLE_RATE;

describe('cutting a microphone into utterances', () => {
  test('speech followed by silence is one utterance, sent a second at a time, the last marked', () => {
    const pieces = heard(quiet(0.5), tone(2), quiet(1));
    expect(pieces.map((p) => [p.utterance, p.seq, p.last])).toEqual([
      [0, 0, false],
      [0, 1, false],
      [0, 2, true],
    ]);
    expect(pieces.every((p) => p.pcm.byteLength <= 32_000)).toBe(true);
    // The speech, a little from before it, and the silence that ended it.
    expect(secondsOf(pieces)).toBeGreaterThan(2 + 0.6);
    expect(secondsOf(pieces)).toBeLessThan(2 + 0.6 + 0.3);
  });

  test('a room that stays quiet sends nothing', () => {
    expect(heard(quiet(5))).toEqual([]);
  });

  test('a pause shorter than the end of an utterance does not split it', () => {
    const pieces = heard(tone(1), quiet(0.3), tone(1), quiet(1));
    expect(new Set(pieces.map((p) => p.utterance))).toEqual(new Set([0]));
  });

  test('two sentences with a pause between them are two utterances', () => {
    const pieces = heard(tone(1), quiet(1), tone(1), quiet(1));
    expect(pieces.filter((p) => p.last).map((p) => p.utterance)).toEqual([0, 1]);
  });

  test('speech that does not stop is cut at 15 seconds', () => {
    const pieces = heard(tone(20));
    const first = pieces.filter((p) => p.utterance === 0);
    expect(first.at(-1)?.last).toBe(true);
    expect(secondsOf(first)).toBeCloseTo(15, 1);
  });
});

describe('bringing audio down to 16 kHz', () => {
  test('48 kHz becomes a third as many samples and keeps a steady level', () => {
    const out = downsample(new Float32Array(4800).fill(0.5), 48_000);
    expect(out).toHaveLength(1600);
    expect(out.every((x) => Math.abs(x - 0.5) < 1e-6)).toBe(true);
  });
});
