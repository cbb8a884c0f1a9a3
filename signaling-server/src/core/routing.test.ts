import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_POLICY,
  canServe,
  positions,
  queueOrder,
  route,
  type PriorityClass,
  type QueuedTicket,
} from './routing.js';
import { freeAgent, queuedTicket, skillsOf } from '../../test/support/skills.js';

const MIN = 60_000;

const ticket = queuedTicket;
const agent = freeAgent;

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
      tickets: [ticket('t1', 10, { language: 'en' }), ticket('t2', 20)],
      agents: [agent('a1', 0, { languages: ['id'] }), agent('a2', 50, { languages: ['en'] })],
      expected: [
        { ticketId: 't1', agentId: 'a2' },
        { ticketId: 't2', agentId: 'a1' },
      ],
    },
    {
      name: 'a ticket goes only to an agent who has its service',
      tickets: [ticket('t1', 10, { serviceId: 's3' })],
      agents: [agent('a1', 0)],
      expected: [],
    },
    {
      name: 'a sign-language ticket waits for a signing agent even when others are free',
      tickets: [ticket('t1', 10, { needs: ['sign_language'] }), ticket('t2', 20)],
      agents: [agent('a1', 0), agent('a2', 50, { other: ['bisindo'] })],
      expected: [
        { ticketId: 't1', agentId: 'a2' },
        { ticketId: 't2', agentId: 'a1' },
      ],
    },
    {
      name: 'a priority ticket goes ahead of older ordinary ones',
      tickets: [ticket('old', 0), ticket('needs', 2 * MIN, { priority: 'priority' })],
      agents: [agent('a1', 0)],
      expected: [{ ticketId: 'needs', agentId: 'a1' }],
    },
    {
      name: 'an ordinary ticket that has waited past the aging window goes before a new priority one',
      tickets: [ticket('old', 0), ticket('needs', 6 * MIN, { priority: 'priority' })],
      agents: [agent('a1', 0)],
      expected: [{ ticketId: 'old', agentId: 'a1' }],
    },
    {
      name: 'a transferred ticket goes before every other ticket',
      tickets: [
        ticket('needs', 0, { priority: 'priority' }),
        ticket('moved', 9 * MIN, { priority: 'transfer' }),
      ],
      agents: [agent('a1', 0)],
      expected: [{ ticketId: 'moved', agentId: 'a1' }],
    },
    {
      name: 'an assigned ticket goes only to its named agent',
      tickets: [ticket('t1', 10, { assignedAgentId: 'a2' }), ticket('t2', 20)],
      agents: [agent('a1', 0), agent('a2', 50)],
      expected: [
        { ticketId: 't1', agentId: 'a2' },
        { ticketId: 't2', agentId: 'a1' },
      ],
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
});

const skillSet = (t: QueuedTicket) => [t.priority, ...t.requires, t.assignedAgentId].join('|');

const world = fc
  .record({
    tickets: fc.uniqueArray(
      fc.record({
        id: fc.uuid(),
        serviceId: fc.constantFrom('s1', 's2', 's3'),
        language: fc.constantFrom<'id' | 'en'>('id', 'en'),
        signs: fc.boolean(),
        priority: fc.constantFrom<PriorityClass>('normal', 'normal', 'priority', 'transfer'),
        queuedAt: fc.nat(20 * MIN),
        assign: fc.option(fc.nat(9), { freq: 5 }),
      }),
      { selector: (t) => t.id, maxLength: 40 },
    ),
    agents: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom('a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9'),
        idleSince: fc.nat(20 * MIN),
        services: fc.subarray(['s1', 's2', 's3'], { minLength: 1 }),
        languages: fc.subarray<'id' | 'en'>(['id', 'en'], { minLength: 1 }),
        signs: fc.boolean(),
      }),
      { selector: (a) => a.id, maxLength: 10 },
    ),
  })
  .map(({ tickets, agents }) => ({
    agents: agents.map(({ id, idleSince, services, languages, signs }) => ({
      id,
      idleSince,
      skills: skillsOf({ services, languages, other: signs ? ['bisindo'] : [] }),
    })),
    tickets: tickets.map(({ id, queuedAt, assign, signs, ...t }) =>
      queuedTicket(id, queuedAt, {
        ...t,
        needs: signs ? ['sign_language'] : [],
        assignedAgentId: assign === null ? null : `a${assign}`,
      }),
    ),
  }));

describe('routing properties', () => {
  test('no ticket gets two agents and no agent two tickets', () => {
    fc.assert(
      fc.property(world, ({ tickets, agents }) => {
        const matches = route(tickets, agents);
        expect(new Set(matches.map((m) => m.ticketId)).size).toBe(matches.length);
        expect(new Set(matches.map((m) => m.agentId)).size).toBe(matches.length);
      }),
    );
  });

  test('every match is allowed: service, language, sign language and assignment', () => {
    fc.assert(
      fc.property(world, ({ tickets, agents }) => {
        for (const m of route(tickets, agents)) {
          const t = tickets.find((x) => x.id === m.ticketId)!;
          const a = agents.find((x) => x.id === m.agentId)!;
          expect(canServe(a, t)).toBe(true);
          for (const skill of t.requires) expect(a.skills.has(skill)).toBe(true);
        }
      }),
    );
  });

  test('no eligible agent is left idle while a ticket it could serve waits', () => {
    fc.assert(
      fc.property(world, ({ tickets, agents }) => {
        const matches = route(tickets, agents);
        const leftAgents = agents.filter((a) => !matches.some((m) => m.agentId === a.id));
        const leftTickets = tickets.filter((t) => !matches.some((m) => m.ticketId === t.id));
        for (const t of leftTickets) {
          expect(leftAgents.filter((a) => canServe(a, t))).toEqual([]);
        }
      }),
    );
  });

  test('within one priority class and skill set, tickets are served first come, first served', () => {
    fc.assert(
      fc.property(world, ({ tickets, agents }) => {
        const served = new Set(route(tickets, agents).map((m) => m.ticketId));
        for (const later of tickets) {
          if (!served.has(later.id)) continue;
          const earlierWaiting = tickets.filter(
            (t) =>
              skillSet(t) === skillSet(later) && t.queuedAt < later.queuedAt && !served.has(t.id),
          );
          expect(earlierWaiting).toEqual([]);
        }
      }),
    );
  });

  test('each ticket goes to the longest-idle agent still free when its turn came', () => {
    fc.assert(
      fc.property(world, ({ tickets, agents }) => {
        const matches = route(tickets, agents);
        const order = queueOrder(tickets, DEFAULT_POLICY).map((t) => t.id);
        const turn = (ticketId: string) => order.indexOf(ticketId);
        for (const m of matches) {
          const t = tickets.find((x) => x.id === m.ticketId)!;
          const chosen = agents.find((x) => x.id === m.agentId)!;
          for (const other of agents) {
            if (other.idleSince >= chosen.idleSince || !canServe(other, t)) continue;
            const otherMatch = matches.find((x) => x.agentId === other.id);
            expect(otherMatch && turn(otherMatch.ticketId) < turn(t.id)).toBe(true);
          }
        }
      }),
    );
  });
});

describe('positions', () => {
  test('count from one within each service, in serving order', () => {
    const result = positions([
      ticket('b', 20),
      ticket('a', 10),
      ticket('c', 15, { serviceId: 's2' }),
      ticket('d', 30, { priority: 'priority' }),
    ]);
    expect(Object.fromEntries(result)).toEqual({ d: 1, a: 2, b: 3, c: 1 });
  });
});
