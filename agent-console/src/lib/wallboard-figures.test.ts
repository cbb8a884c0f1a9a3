import { describe, expect, test } from 'vitest';
import { agentView, NOW, queueCounters, queueSnapshot } from '../test/fixtures';
import { wallboardFigures } from './wallboard-figures';

describe('wallboardFigures', () => {
  test.each([
    { waiting: 2, longestWaitMs: 125_000, now: NOW, expected: 125_000 },
    { waiting: 2, longestWaitMs: 125_000, now: NOW + 7_000, expected: 132_000 },
    { waiting: 0, longestWaitMs: 0, now: NOW + 7_000, expected: 0 },
    { waiting: 1, longestWaitMs: 5_000, now: NOW - 2_000, expected: 5_000 },
  ])(
    'shows a longest wait of $expected ms when $waiting wait, $longestWaitMs ms at the update',
    ({ waiting, longestWaitMs, now, expected }) => {
      const queue = queueSnapshot({ counters: queueCounters({ waiting, longestWaitMs }) });
      expect(wallboardFigures(queue, now).longestWaitMs).toBe(expected);
    },
  );

  test('counts officers on duty, those available and the calls in progress', () => {
    const { tickets } = queueSnapshot();
    const queue = queueSnapshot({
      tickets: [...tickets, { ...tickets[0]!, id: 't-9', status: 'in_call', agentId: 'a-2' }],
      agents: [
        agentView({ id: 'a-1', status: 'available' }),
        agentView({ id: 'a-2', status: 'busy' }),
        agentView({ id: 'a-3', status: 'away' }),
        agentView({ id: 'a-4', status: 'offline' }),
      ],
    });
    expect(wallboardFigures(queue, NOW)).toMatchObject({
      onDuty: 3,
      available: 1,
      inCall: 1,
      waiting: 2,
      serviceLevel: 0.8,
      ikm: { index: 82.5, band: 'B', respondents: 12 },
    });
  });
});
