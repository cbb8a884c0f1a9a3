import type { AgentStatus } from '@loket/shared';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  clearsMissedOffers,
  offerExpiry,
  type OfferExpiry,
  type RingingTicket,
  type RungAgent,
} from './offer-expiry.js';
import { queueOrder, route, type PriorityClass } from './routing.js';
import { freeAgent, queuedTicket } from '../../test/support/skills.js';

const ringing = (extra: Partial<RingingTicket> = {}): RingingTicket => ({
  id: 't1',
  status: 'offered',
  queuedAt: 1_000,
  offeredAgentId: 'a1',
  offerExpiresAt: 5_000,
  ...extra,
});

const rung = (extra: Partial<RungAgent> = {}): RungAgent => ({
  id: 'a1',
  status: 'offered',
  missedOffers: 0,
  ...extra,
});

const backAtTheHead = (updatedAt: number) => ({
  status: 'waiting' as const,
  queuedAt: 1_000,
  offeredAgentId: null,
  offerExpiresAt: null,
  updatedAt,
});

const cases: {
  name: string;
  ticket: RingingTicket;
  agent: RungAgent;
  now: number;
  expected: OfferExpiry;
}[] = [
  {
    name: 'a first miss returns the ticket to the head and leaves the agent available, last in line',
    ticket: ringing(),
    agent: rung(),
    now: 5_000,
    expected: {
      ok: true,
      ticket: backAtTheHead(5_000),
      agent: { event: 'miss', status: 'available', missedOffers: 1, idleFromNow: true },
    },
  },
  {
    name: 'a second miss in a row sends the agent away',
    ticket: ringing(),
    agent: rung({ missedOffers: 1 }),
    now: 7_500,
    expected: {
      ok: true,
      ticket: backAtTheHead(7_500),
      agent: { event: 'missAgain', status: 'away', missedOffers: 2, idleFromNow: false },
    },
  },
  {
    name: 'further misses keep counting and keep sending the agent away',
    ticket: ringing(),
    agent: rung({ missedOffers: 4 }),
    now: 6_000,
    expected: {
      ok: true,
      ticket: backAtTheHead(6_000),
      agent: { event: 'missAgain', status: 'away', missedOffers: 5, idleFromNow: false },
    },
  },
  {
    name: 'an offer not yet due changes nothing',
    ticket: ringing(),
    agent: rung(),
    now: 4_999,
    expected: { ok: false, reason: 'not_due' },
  },
  {
    name: 'an offer without a due time never expires',
    ticket: ringing({ offerExpiresAt: null }),
    agent: rung(),
    now: 1e12,
    expected: { ok: false, reason: 'not_due' },
  },
  {
    name: 'a ticket no longer offered (accepted, cancelled, returned) changes nothing',
    ticket: ringing({ status: 'in_call' }),
    agent: rung({ status: 'busy' }),
    now: 9_000,
    expected: { ok: false, reason: 'not_offered' },
  },
  {
    name: 'a waiting ticket changes nothing',
    ticket: ringing({ status: 'waiting', offeredAgentId: null, offerExpiresAt: null }),
    agent: rung(),
    now: 9_000,
    expected: { ok: false, reason: 'not_offered' },
  },
  {
    name: 'an offer rung for another agent does not count against this one',
    ticket: ringing({ offeredAgentId: 'a2' }),
    agent: rung(),
    now: 9_000,
    expected: { ok: false, reason: 'other_agent' },
  },
  {
    name: 'an agent no longer ringing (gone offline) is not moved',
    ticket: ringing(),
    agent: rung({ status: 'offline' }),
    now: 9_000,
    expected: { ok: false, reason: 'agent_not_ringing' },
  },
];

describe('offerExpiry', () => {
  test.each(cases)('$name', ({ ticket, agent, now, expected }) => {
    expect(offerExpiry(ticket, agent, now)).toEqual(expected);
  });
});

const MIN = 60_000;

describe('offer expiry properties', () => {
  const scenario = fc.record({
    queuedAt: fc.nat(20 * MIN),
    waitedMs: fc.nat(20 * MIN),
    timeoutMs: fc.integer({ min: 1, max: MIN }),
    lateMs: fc.nat(5_000),
    missedOffers: fc.nat(3),
    priority: fc.constantFrom<PriorityClass>('normal', 'priority', 'transfer'),
    language: fc.constantFrom<'id' | 'en'>('id', 'en'),
    signs: fc.boolean(),
    // Tickets that joined after the expired one: while it waited, while it rang, or later.
    laterJoins: fc.array(fc.integer({ min: 1, max: 45 * MIN }), { maxLength: 12 }),
    idleSince: fc.array(fc.nat(40 * MIN), { minLength: 1, maxLength: 4 }),
  });

  test('an expired ticket is routed before every ticket that joined its queue after it', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const offeredAt = s.queuedAt + s.waitedMs;
        const now = offeredAt + s.timeoutMs + s.lateMs;
        const decision = offerExpiry(
          ringing({ queuedAt: s.queuedAt, offerExpiresAt: offeredAt + s.timeoutMs }),
          rung({ missedOffers: s.missedOffers }),
          now,
        );
        if (!decision.ok) throw new Error(`a due offer did not expire: ${decision.reason}`);
        expect(decision.ticket.status).toBe('waiting');
        const spec = {
          language: s.language,
          needs: s.signs ? ['sign_language' as const] : [],
          priority: s.priority,
        };
        const expired = queuedTicket('t1', decision.ticket.queuedAt, spec);
        const later = s.laterJoins.map((after, i) =>
          queuedTicket(`later${i}`, s.queuedAt + after, spec),
        );
        const agents = s.idleSince.map((idleSince, i) =>
          freeAgent(`agent${i}`, idleSince, {
            services: ['s1'],
            languages: [s.language],
            other: ['bisindo'],
          }),
        );
        const matches = route([...later, expired], agents);
        expect(matches[0]?.ticketId).toBe('t1');
        expect(queueOrder([...later, expired])[0]?.id).toBe('t1');
      }),
    );
  });
});

describe('clearsMissedOffers', () => {
  const moves: { name: string; from: AgentStatus; to: AgentStatus; clears: boolean }[] = [
    {
      name: 'an officer back from away starts afresh',
      from: 'away',
      to: 'available',
      clears: true,
    },
    {
      name: 'an officer signed back in starts afresh',
      from: 'offline',
      to: 'available',
      clears: true,
    },
    {
      name: 'an officer out of wrap-up starts afresh',
      from: 'wrap_up',
      to: 'available',
      clears: true,
    },
    {
      name: 'an offer that rang out leaves the officer available with the miss counted',
      from: 'offered',
      to: 'available',
      clears: false,
    },
    {
      name: 'an officer sent away keeps the misses that sent them',
      from: 'offered',
      to: 'away',
      clears: false,
    },
    { name: 'a new offer keeps counting', from: 'available', to: 'offered', clears: false },
    { name: 'going on a break is not coming back', from: 'available', to: 'away', clears: false },
  ];

  test.each(moves)('$name', ({ from, to, clears }) => {
    expect(clearsMissedOffers(from, to)).toBe(clears);
  });
});
