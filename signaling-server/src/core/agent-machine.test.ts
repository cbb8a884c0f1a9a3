import type { AgentStatus } from '@loket/shared';
import { AgentStatus as Statuses } from '@loket/shared';
import { describe, expect, test } from 'vitest';
import { agentTransition, type AgentEvent } from './agent-machine.js';

const allowed: { from: AgentStatus; event: AgentEvent; to: AgentStatus }[] = [
  { from: 'offline', event: 'goAvailable', to: 'available' },
  { from: 'away', event: 'goAvailable', to: 'available' },
  { from: 'available', event: 'goAvailable', to: 'available' },
  { from: 'offline', event: 'goAway', to: 'away' },
  { from: 'available', event: 'goAway', to: 'away' },
  { from: 'away', event: 'goAway', to: 'away' },
  { from: 'available', event: 'offer', to: 'offered' },
  { from: 'offered', event: 'accept', to: 'busy' },
  { from: 'offered', event: 'decline', to: 'available' },
  { from: 'offered', event: 'miss', to: 'available' },
  { from: 'offered', event: 'missAgain', to: 'away' },
  { from: 'offered', event: 'withdraw', to: 'available' },
  { from: 'busy', event: 'endCall', to: 'wrap_up' },
  { from: 'wrap_up', event: 'endWrapUp', to: 'available' },
  { from: 'wrap_up', event: 'goAvailable', to: 'available' },
  { from: 'wrap_up', event: 'goAway', to: 'away' },
  { from: 'busy', event: 'lose', to: 'offline' },
  { from: 'wrap_up', event: 'lose', to: 'offline' },
  { from: 'available', event: 'disconnect', to: 'offline' },
  { from: 'away', event: 'disconnect', to: 'offline' },
  { from: 'offered', event: 'disconnect', to: 'offline' },
  { from: 'offline', event: 'disconnect', to: 'offline' },
];

const events: AgentEvent[] = [
  'goAvailable',
  'goAway',
  'offer',
  'accept',
  'decline',
  'miss',
  'missAgain',
  'withdraw',
  'endCall',
  'endWrapUp',
  'lose',
  'disconnect',
];

describe('agent transitions', () => {
  test.each(allowed)('an agent $from on $event becomes $to', ({ from, event, to }) => {
    expect(agentTransition(from, event)).toEqual({ ok: true, next: to });
  });

  const refused = Statuses.options.flatMap((from) =>
    events
      .filter((event) => !allowed.some((a) => a.from === from && a.event === event))
      .map((event) => ({ from, event })),
  );

  test.each(refused)('an agent $from refuses $event', ({ from, event }) => {
    expect(agentTransition(from, event)).toEqual({ ok: false, from });
  });

  test('a busy agent cannot choose to go away mid-call', () => {
    expect(agentTransition('busy', 'goAway').ok).toBe(false);
  });
});
