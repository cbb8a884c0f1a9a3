import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { captionSender } from './caption-sender.js';

describe('a line of captions as it grows', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  test('goes at once, then at most every interval with the latest text', () => {
    const sent: [string, boolean][] = [];
    const line = captionSender((text, final) => sent.push([text, final]), 200);
    line.update('S', false);
    line.update('Se', false);
    line.update('Sel', false);
    expect(sent).toEqual([['S', false]]);
    vi.advanceTimersByTime(200);
    expect(sent).toEqual([
      ['S', false],
      ['Sel', false],
    ]);
  });

  test('a final line goes at once and replaces the update still waiting', () => {
    const sent: [string, boolean][] = [];
    const line = captionSender((text, final) => sent.push([text, final]), 200);
    line.update('Hal', false);
    line.update('Halo', false);
    line.update('Halo', true);
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([
      ['Hal', false],
      ['Halo', true],
    ]);
    line.update('B', false);
    expect(sent.at(-1)).toEqual(['B', false]);
  });

  test('stopping drops the update still waiting', () => {
    const sent: string[] = [];
    const line = captionSender((text) => sent.push(text), 200);
    line.update('a', false);
    line.update('ab', false);
    line.stop();
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual(['a']);
  });
});
