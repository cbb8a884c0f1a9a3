import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { ASK_EVERY_MS, KeyframeAsking, MOST_ASKS } from './keyframe-asking.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

test('nothing is asked before the call starts', () => {
  const request = vi.fn();
  new KeyframeAsking(request);
  vi.advanceTimersByTime(10 * ASK_EVERY_MS);
  expect(request).not.toHaveBeenCalled();
});

test('asks at once, and again until the first frame comes', () => {
  const request = vi.fn();
  const asking = new KeyframeAsking(request);
  asking.start();
  expect(request).toHaveBeenCalledTimes(1);
  vi.advanceTimersByTime(2 * ASK_EVERY_MS);
  expect(request).toHaveBeenCalledTimes(3);
  asking.frameArrived();
  vi.advanceTimersByTime(10 * ASK_EVERY_MS);
  expect(request).toHaveBeenCalledTimes(3);
});

test('gives up after the most asks when no frame comes', () => {
  const request = vi.fn();
  new KeyframeAsking(request).start();
  vi.advanceTimersByTime(100 * ASK_EVERY_MS);
  expect(request).toHaveBeenCalledTimes(MOST_ASKS);
});

test('a frame that came before the start leaves nothing to ask for', () => {
  const request = vi.fn();
  const asking = new KeyframeAsking(request);
  asking.frameArrived();
  asking.start();
  expect(request).not.toHaveBeenCalled();
});
