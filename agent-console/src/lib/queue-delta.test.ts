import { describe, expect, test } from 'vitest';
import { agentView, NOW, queueDelta, queueSnapshot } from '../test/fixtures';
import { applyDelta, deltaOutcome } from './queue-delta';

describe('queue deltas', () => {
  test.each([
    { current: 5, delta: 6, expected: 'applied' },
    { current: 5, delta: 5, expected: 'stale' },
    { current: 5, delta: 2, expected: 'stale' },
    { current: 5, delta: 7, expected: 'gap' },
    { current: 0, delta: 1, expected: 'applied' },
  ] as const)(
    'a delta numbered $delta after $current is $expected',
    ({ current, delta, expected }) => {
      expect(deltaOutcome(current, delta)).toBe(expected);
    },
  );

  test('a delta upserts tickets and agents, drops removed tickets and brings new figures', () => {
    const queue = queueSnapshot();
    const [first] = queue.tickets;
    const moved = { ...first!, status: 'offered' as const, agentId: 'a-1' };
    const arrived = { ...first!, id: 't-16', number: 'B-015', createdAt: NOW };
    const next = applyDelta(
      queue,
      queueDelta({
        seq: 6,
        tickets: [moved, arrived],
        removedTicketIds: ['t-15'],
        agents: [agentView({ status: 'wrap_up' }), agentView({ id: 'a-2', displayName: 'Dewi' })],
        counters: { ...queue.counters, waiting: 7 },
      }),
    );
    expect(next.seq).toBe(6);
    expect(next.tickets.map((ticket) => [ticket.id, ticket.status])).toEqual([
      ['t-14', 'offered'],
      ['t-16', 'waiting'],
    ]);
    expect(next.agents.map((agent) => [agent.id, agent.status])).toEqual([
      ['a-1', 'wrap_up'],
      ['a-2', 'available'],
    ]);
    expect(next.counters.waiting).toBe(7);
  });
});
