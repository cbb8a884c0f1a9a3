import { createHistogram } from 'node:perf_hooks';
import { expect, test, vi } from 'vitest';
import { LagAdmission, watchDelays } from './admission.js';

const cases: { delays: number[]; refused: boolean; name: string }[] = [
  { name: 'a server keeping up takes every ticket', delays: [5, 12, 40, 3], refused: false },
  { name: 'one slow window is not enough to refuse', delays: [5, 900, 10], refused: false },
  { name: 'two slow windows in a row refuse new tickets', delays: [5, 900, 700], refused: true },
  { name: 'slow windows apart do not add up', delays: [900, 10, 900, 10], refused: false },
];

test.each(cases)('$name', ({ delays, refused }) => {
  const admission = new LagAdmission(500, 15_000);
  delays.forEach((delay, index) => admission.note(delay, index * 1000));
  const now = delays.length * 1000;
  expect(admission.refusal(now) !== null).toBe(refused);
});

test('a refusal says when to try again, and lifts once that time has come', () => {
  const admission = new LagAdmission(500, 15_000);
  admission.note(800, 0);
  admission.note(800, 1000);
  expect(admission.refusal(2000)).toBe(16_000);
  admission.note(20, 2000);
  expect(admission.refusal(15_999)).toBe(16_000);
  expect(admission.refusal(16_000)).toBeNull();
});

test('a delay that lasts keeps the refusal going', () => {
  const admission = new LagAdmission(500, 15_000);
  for (let second = 0; second < 30; second++) admission.note(900, second * 1000);
  expect(admission.refusal(40_000)).toBe(44_000);
});

/** Watches `waits` in windows of 20 ms, recording `waitMs` into it every 5 ms until closed. */
function storeWaiting(waitMs: number) {
  const waits = createHistogram();
  const watched = watchDelays(new LagAdmission(500, 15_000), Date.now, waits, 20);
  const feeding = setInterval(() => waits.record(waitMs * 1000), 5);
  return {
    watched,
    close() {
      clearInterval(feeding);
      watched.close();
    },
  };
}

test('statements waiting for the store past the limit refuse new tickets, as a slow event loop does', async () => {
  const { watched, close } = storeWaiting(800);
  try {
    await vi.waitFor(() => expect(watched.refusal(Date.now())).not.toBeNull(), { timeout: 5_000 });
  } finally {
    close();
  }
});

test('statements that get a connection within the limit refuse nothing', async () => {
  const { watched, close } = storeWaiting(40);
  try {
    // Ten windows of the watch.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(watched.refusal(Date.now())).toBeNull();
  } finally {
    close();
  }
});
