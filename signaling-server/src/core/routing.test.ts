import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { positions, route, type FreeAgent, type QueuedTicket } from './routing.js';

const ticket = (id: string, queuedAt: number, serviceId = 's1', language: 'id' | 'en' = 'id') =>
  ({ id, serviceId, language, queuedAt }) satisfies QueuedTicket;
const agent = (id: string, idleSince: number, languages: ('id' | 'en')[] = ['id', 'en']) =>
  ({ id, idleSince, languages }) satisfies FreeAgent;

describe('route', () => {
  test.each([
    {
      name: 'the oldest ticket goes to the longest-idle agent',
      tickets: [ticket('t2', 20), ticket('t1', 10)],
      agents: [agent('a1', 500), agent('a2', 100)],
      expected: [
        { ticketId: 't1', agentId: 'a2' },
        { ticketId: 't2', agentId: 'a1' },
      ],
    },
    {
      name: 'tickets beyond the free agents keep waiting',
      tickets: [ticket('t1', 10), ticket('t2', 20)],
      agents: [agent('a1', 0)],
      expected: [{ ticketId: 't1', agentId: 'a1' }],
    },
    {
      name: 'a ticket goes only to an agent who speaks its language',
      tickets: [ticket('t1', 10, 's1', 'en'), ticket('t2', 20, 's1', 'id')],
      agents: [agent('a1', 0, ['id']), agent('a2', 50, ['en'])],
      expected: [
        { ticketId: 't1', agentId: 'a2' },
        { ticketId: 't2', agentId: 'a1' },
      ],
    },
    {
      name: 'no agent means no match',
      tickets: [ticket('t1', 10)],
      agents: [],
      expected: [],
    },
    {
      name: 'a returned ticket keeps its place at the head',
      tickets: [ticket('late', 30), ticket('returned', 5)],
      agents: [agent('a1', 0)],
      expected: [{ ticketId: 'returned', agentId: 'a1' }],
    },
  ])('$name', ({ tickets, agents, expected }) => {
    expect(route(tickets, agents)).toEqual(expected);
  });

  test('never gives one ticket or one agent two matches, and leaves no eligible pair idle', () => {
    const lang = fc.constantFrom<'id' | 'en'>('id', 'en');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ id: fc.uuid(), queuedAt: fc.nat(1000), language: lang }), {
          selector: (t) => t.id,
          maxLength: 30,
        }),
        fc.uniqueArray(
          fc.record({
            id: fc.uuid(),
            idleSince: fc.nat(1000),
            languages: fc.subarray<'id' | 'en'>(['id', 'en'], { minLength: 1 }),
          }),
          { selector: (a) => a.id, maxLength: 10 },
        ),
        (rawTickets, agents) => {
          const tickets = rawTickets.map((t) => ({ ...t, serviceId: 's1' }));
          const matches = route(tickets, agents);
          expect(new Set(matches.map((m) => m.ticketId)).size).toBe(matches.length);
          expect(new Set(matches.map((m) => m.agentId)).size).toBe(matches.length);
          const leftTickets = tickets.filter((t) => !matches.some((m) => m.ticketId === t.id));
          const leftAgents = agents.filter((a) => !matches.some((m) => m.agentId === a.id));
          for (const t of leftTickets) {
            expect(leftAgents.some((a) => a.languages.includes(t.language))).toBe(false);
          }
        },
      ),
    );
  });
});

describe('positions', () => {
  test('count from one within each service, in queue order', () => {
    const result = positions([
      ticket('b', 20, 's1'),
      ticket('a', 10, 's1'),
      ticket('c', 15, 's2'),
      ticket('d', 30, 's1'),
    ]);
    expect(Object.fromEntries(result)).toEqual({ a: 1, b: 2, c: 1, d: 3 });
  });
});
