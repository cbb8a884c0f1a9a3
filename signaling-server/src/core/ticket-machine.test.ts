import type { TicketStatus } from '@loket/shared';
import { TicketStatus as Statuses } from '@loket/shared';
import { describe, expect, test } from 'vitest';
import { ticketTransition, type TicketEvent } from './ticket-machine.js';

const allowed: { from: TicketStatus; event: TicketEvent; to: TicketStatus }[] = [
  { from: 'waiting', event: 'offer', to: 'offered' },
  { from: 'offered', event: 'accept', to: 'in_call' },
  { from: 'offered', event: 'return', to: 'waiting' },
  { from: 'waiting', event: 'cancel', to: 'cancelled' },
  { from: 'offered', event: 'cancel', to: 'cancelled' },
  { from: 'in_call', event: 'end', to: 'done' },
  { from: 'waiting', event: 'abandon', to: 'abandoned' },
  { from: 'offered', event: 'abandon', to: 'abandoned' },
  { from: 'in_call', event: 'abandon', to: 'abandoned' },
  { from: 'in_call', event: 'requeue', to: 'waiting' },
];

describe('ticket transitions', () => {
  test.each(allowed)('a $from ticket on $event becomes $to', ({ from, event, to }) => {
    expect(ticketTransition(from, event)).toEqual({ ok: true, next: to });
  });

  const events: TicketEvent[] = [
    'offer',
    'accept',
    'return',
    'cancel',
    'end',
    'abandon',
    'requeue',
  ];
  const refused = Statuses.options.flatMap((from) =>
    events
      .filter((event) => !allowed.some((a) => a.from === from && a.event === event))
      .map((event) => ({ from, event })),
  );

  test.each(refused)('a $from ticket refuses $event', ({ from, event }) => {
    expect(ticketTransition(from, event)).toEqual({ ok: false, from });
  });
});
