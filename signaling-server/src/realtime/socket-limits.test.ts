import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { EventBudgets, type EventLimits } from './socket-limits.js';

const LIMITS: EventLimits = {
  eventBurst: 3,
  eventsPerSecond: 2,
  byteBurst: 100,
  bytesPerSecond: 50,
  refusalsBeforeDisconnect: 10,
};

/** Budgets on a clock the test moves; every item's size is the item itself. */
function budgets() {
  const clock = { now: 0 };
  const all = new EventBudgets(LIMITS, () => clock.now);
  const take = (sender: string, bytes = 1) => all.take(sender, bytes, (item) => item);
  return { clock, take };
}

describe("a sender's event budget", () => {
  test('lets a burst of events through, then one each time the rate refills one', () => {
    const { clock, take } = budgets();
    expect([1, 2, 3, 4].map(() => take('kiosk:a'))).toEqual([true, true, true, false]);
    clock.now = 499;
    expect(take('kiosk:a')).toBe(false);
    clock.now = 500;
    expect(take('kiosk:a')).toBe(true);
  });

  test('refuses an event its bytes do not fit, though events are left, and takes the event', () => {
    const { clock, take } = budgets();
    expect(take('kiosk:a', 80)).toBe(true);
    expect(take('kiosk:a', 30)).toBe(false);
    expect(take('kiosk:a', 20)).toBe(true);
    // Three events were spent, the refused one among them.
    expect(take('kiosk:a', 0)).toBe(false);
    clock.now = 1000;
    expect(take('kiosk:a', 50)).toBe(true);
  });

  test('is kept by sender: one flooding leaves another untouched', () => {
    const { take } = budgets();
    for (let i = 0; i < 3; i += 1) take('kiosk:a');
    expect(take('kiosk:a')).toBe(false);
    expect(take('kiosk:b')).toBe(true);
  });

  test('is full again after a minute unused, and never fuller than its burst', () => {
    const { clock, take } = budgets();
    for (let i = 0; i < 3; i += 1) take('kiosk:a');
    clock.now = 61_000;
    expect([1, 2, 3, 4].map(() => take('kiosk:a'))).toEqual([true, true, true, false]);
  });

  test('over any run, no more events pass than the burst plus the refill over its length', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ gap: fc.nat(700), bytes: fc.nat(60) }), { maxLength: 200 }),
        (sends) => {
          const { clock, take } = budgets();
          let events = 0;
          let bytes = 0;
          for (const send of sends) {
            clock.now += send.gap;
            if (!take('kiosk:a', send.bytes)) continue;
            events += 1;
            bytes += send.bytes;
          }
          const seconds = clock.now / 1000;
          expect(events).toBeLessThanOrEqual(LIMITS.eventBurst + seconds * LIMITS.eventsPerSecond);
          expect(bytes).toBeLessThanOrEqual(LIMITS.byteBurst + seconds * LIMITS.bytesPerSecond);
        },
      ),
    );
  });
});
