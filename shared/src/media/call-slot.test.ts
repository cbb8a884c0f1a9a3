import { describe, expect, test, vi } from 'vitest';
import { IDLE_CALL, type CallController, type CallSnapshot } from './call-controller.js';
import { CallSlot } from './call-slot.js';

/** A call whose snapshot the test changes, recording whether it was left. */
function fakeCall(callId: string) {
  let snapshot: CallSnapshot = { ...IDLE_CALL, callId };
  const listeners = new Set<() => void>();
  const controller: CallController = {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    setMuted: vi.fn(),
    switchDevice: vi.fn(async () => undefined),
    startScreenShare: vi.fn(async () => undefined),
    stopScreenShare: vi.fn(),
    leave: vi.fn(),
  };
  const show = (change: Partial<CallSnapshot>) => {
    snapshot = { ...snapshot, ...change };
    for (const listener of listeners) listener();
  };
  return { controller, show };
}

describe('CallSlot', () => {
  test('is idle until it holds a call, then follows that call’s snapshots', () => {
    const slot = new CallSlot();
    const { subscribe, getSnapshot } = slot;
    const listener = vi.fn();
    subscribe(listener);
    expect(getSnapshot()).toBe(IDLE_CALL);

    const call = fakeCall('c-1');
    slot.hold(call.controller);
    expect(getSnapshot().callId).toBe('c-1');
    call.show({ state: 'connected' });
    expect(getSnapshot().state).toBe('connected');
    expect(listener).toHaveBeenCalledTimes(2);
    expect(slot.controller).toBe(call.controller);
  });

  test('leaves the call it held when it takes the next, and no longer follows it', () => {
    const slot = new CallSlot();
    const [first, second] = [fakeCall('c-1'), fakeCall('c-2')];
    slot.hold(first.controller);
    slot.hold(second.controller);
    expect(first.controller.leave).toHaveBeenCalled();
    first.show({ state: 'ended' });
    expect(slot.getSnapshot()).toMatchObject({ callId: 'c-2', state: 'connecting' });
  });

  test('leaving leaves the call once and is idle again', () => {
    const slot = new CallSlot();
    const call = fakeCall('c-1');
    const listener = vi.fn();
    slot.subscribe(listener);
    slot.hold(call.controller);
    slot.leave();
    slot.leave();
    expect(call.controller.leave).toHaveBeenCalledOnce();
    expect(slot.getSnapshot()).toBe(IDLE_CALL);
    expect(slot.controller).toBeNull();
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
