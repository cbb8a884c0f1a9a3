import type { QueueCounters, QueueTicket } from '@loket/shared';
import { describe, expect, test } from 'vitest';
import { QueueFeed } from './queue-feed.js';

const counters: QueueCounters = {
  waiting: 0,
  longestWaitMs: 0,
  averageSpeedOfAnswerMs: null,
  abandonmentRate: null,
  serviceLevel: null,
  serviceLevelTargetMs: 20_000,
  serviceLevelGoal: 0.8,
  openCallbacks: 0,
  ikm: null,
};
const ticket = (id: string, status: QueueTicket['status'] = 'waiting'): QueueTicket => ({
  id,
  number: id,
  serviceId: 's',
  serviceName: { id: 'S', en: 'S' },
  language: 'id',
  needs: [],
  status,
  createdAt: 1,
  agentId: null,
});
const snap = (tickets: QueueTicket[], at = 1) => ({ at, tickets, agents: [], counters });

describe('queue feed', () => {
  test('numbers each change and carries only what changed', () => {
    const feed = new QueueFeed();
    expect(feed.next('o', snap([ticket('a')]))).toMatchObject({ seq: 1, tickets: [{ id: 'a' }] });
    expect(feed.next('o', snap([ticket('a')]))).toBeNull();
    expect(feed.next('o', snap([ticket('a', 'offered'), ticket('b')]))).toMatchObject({
      seq: 2,
      tickets: [{ id: 'a', status: 'offered' }, { id: 'b' }],
      removedTicketIds: [],
    });
    expect(feed.next('o', snap([ticket('b')]))).toMatchObject({
      seq: 3,
      tickets: [],
      removedTicketIds: ['a'],
    });
    expect(feed.seq('o')).toBe(3);
  });

  test('a dashboard that missed some deltas gets exactly those', () => {
    const feed = new QueueFeed();
    feed.next('o', snap([ticket('a')]));
    feed.next('o', snap([ticket('a'), ticket('b')]));
    feed.next('o', snap([ticket('b')]));
    const missed = feed.since('o', 1);
    expect(missed?.kind === 'deltas' && missed.deltas.map((d) => d.seq)).toEqual([2, 3]);
    expect(feed.since('o', 3)).toEqual({ kind: 'deltas', deltas: [] });
  });

  test('a dashboard ahead of the server (after a restart) or too far behind gets no deltas', () => {
    const feed = new QueueFeed();
    feed.next('o', snap([ticket('a')]));
    expect(feed.since('o', 9)).toBeNull();
    for (let i = 0; i < 250; i++) feed.next('o', snap([ticket(`t${i}`)]));
    expect(feed.since('o', 1)).toBeNull();
    expect(feed.since('other', 0)).toEqual({ kind: 'deltas', deltas: [] });
  });
  test('a snapshot read before the newest recorded one is ignored, and the newest is handed out', () => {
    const feed = new QueueFeed();
    expect(feed.latest('o')).toBeNull();
    feed.next('o', snap([ticket('a', 'in_call')], 10));
    feed.next('o', snap([], 20));
    expect(feed.next('o', snap([ticket('a', 'in_call')], 15))).toBeNull();
    expect(feed.latest('o')).toMatchObject({ seq: 2, at: 20, tickets: [] });
  });
});
