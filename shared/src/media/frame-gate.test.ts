import { expect, test } from 'vitest';
import { frameGate, type FrameGate } from './frame-gate.js';

type Step = string | ((gate: FrameGate<string>) => void);

/** Writes frames through a gate, acting on it between them; what came out. */
async function run(steps: Step[]) {
  const gate = frameGate<string>((frame) => frame.includes('key'));
  const writer = gate.frames.writable.getWriter();
  const reader = gate.frames.readable.getReader();
  const passed: string[] = [];
  const reading = (async () => {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      passed.push(read.value);
    }
  })();
  for (const step of steps) {
    if (typeof step === 'string') await writer.write(step);
    else step(gate);
  }
  await writer.close();
  await reading;
  return passed;
}

const open = (gate: FrameGate<string>) => gate.open();
const openFully = (gate: FrameGate<string>) => gate.openFully();

test('a gate never opened drops every frame, keyframes too', async () => {
  expect(await run(['black key', 'black delta', 'camera key'])).toEqual([]);
});

test('an opened gate lets frames through from the first keyframe after the opening', async () => {
  expect(
    await run(['black key', 'black delta', open, 'camera delta', 'camera key', 'camera delta']),
  ).toEqual(['camera key', 'camera delta']);
});

test('a gate opened fully lets every later frame through, with or without a keyframe', async () => {
  expect(await run(['black key', open, 'camera delta', openFully, 'camera delta 2'])).toEqual([
    'camera delta 2',
  ]);
});

test('opening a gate that is open already does not shut it again', async () => {
  expect(await run([open, 'camera key', open, 'camera delta'])).toEqual([
    'camera key',
    'camera delta',
  ]);
});
