import { describe, expect, test } from 'vitest';
import { DEFAULT_HANDLE_MS, estimateWaits, nextHandleAverage, waitRange } from './eta.js';
import { queuedTicket, skillsOf } from '../../test/support/skills.js';

const MIN = 60_000;

describe('wait ranges', () => {
  test.each([
    { ahead: 0, agents: 1, handle: 4 * MIN, expected: { minMs: 0, maxMs: 5 * MIN } },
    { ahead: 3, agents: 1, handle: 4 * MIN, expected: { minMs: 9 * MIN, maxMs: 20 * MIN } },
    { ahead: 3, agents: 2, handle: 4 * MIN, expected: { minMs: 4 * MIN, maxMs: 10 * MIN } },
    { ahead: 0, agents: 4, handle: 1 * MIN, expected: { minMs: 0, maxMs: 1 * MIN } },
  ])(
    '$ahead ahead, $agents agents, $handle ms calls: $expected',
    ({ ahead, agents, handle, expected }) => {
      expect(waitRange(ahead, agents, handle)).toEqual(expected);
    },
  );

  test('nobody signed in who could serve gives no estimate', () => {
    expect(waitRange(2, 0, MIN)).toBeNull();
  });

  test('the handle time average moves a fifth of the way to each new call', () => {
    expect(nextHandleAverage(null, 300_000)).toBe(300_000);
    expect(nextHandleAverage(300_000, 400_000)).toBe(320_000);
  });

  test('only tickets that compete for the same agents count as ahead', () => {
    const t = (id: string, queuedAt: number, serviceId: string) =>
      queuedTicket(id, queuedAt, { serviceId });
    const agents = [
      { id: 'a', skills: skillsOf({ services: ['s1'], languages: ['id'] }) },
      { id: 'b', skills: skillsOf({ services: ['s2'], languages: ['id'] }) },
    ];
    const waits = estimateWaits(
      [t('x1', 1, 's1'), t('y1', 2, 's2'), t('x2', 3, 's1')],
      agents,
      new Map([['s1', 2 * MIN]]),
    );
    expect(waits.get('x2')).toEqual(waitRange(1, 1, 2 * MIN));
    expect(waits.get('y1')).toEqual(waitRange(0, 1, DEFAULT_HANDLE_MS));
  });
});

describe('wait estimates at scale', () => {
  test('match the direct count of competing tickets ahead', async () => {
    const { default: fc } = await import('fast-check');
    const { canServe, queueOrder } = await import('./routing.js');
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            serviceId: fc.constantFrom('s1', 's2'),
            language: fc.constantFrom<'id' | 'en'>('id', 'en'),
            signs: fc.boolean(),
            queuedAt: fc.nat(1000),
          }),
          { maxLength: 30 },
        ),
        fc.array(
          fc.record({
            services: fc.subarray(['s1', 's2'], { minLength: 1 }),
            languages: fc.subarray<'id' | 'en'>(['id', 'en'], { minLength: 1 }),
            signs: fc.boolean(),
          }),
          { maxLength: 6 },
        ),
        (rawTickets, rawAgents) => {
          const tickets = rawTickets.map(({ signs, queuedAt, ...t }, i) =>
            queuedTicket(`t${i}`, queuedAt, { ...t, needs: signs ? ['sign_language'] : [] }),
          );
          const agents = rawAgents.map(({ signs, ...a }, i) => ({
            id: `a${i}`,
            skills: skillsOf({ ...a, other: signs ? ['bisindo'] : [] }),
          }));
          const waits = estimateWaits(tickets, agents, new Map());
          const ordered = queueOrder(tickets);
          ordered.forEach((t, i) => {
            const mine = agents.filter((a) => canServe(a, t)).map((a) => a.id);
            const ahead = ordered
              .slice(0, i)
              .filter((o) => agents.some((a) => mine.includes(a.id) && canServe(a, o))).length;
            expect(waits.get(t.id)).toEqual(waitRange(ahead, mine.length, DEFAULT_HANDLE_MS));
          });
        },
      ),
    );
  });
});
