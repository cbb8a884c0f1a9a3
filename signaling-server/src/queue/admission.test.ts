import { expect, test } from 'vitest';
import { LagAdmission } from './admission.js';

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
