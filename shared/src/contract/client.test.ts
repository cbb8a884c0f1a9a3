import { describe, expect, expectTypeOf, test, vi } from 'vitest';
import { agentContract } from '../events/agent.js';
import { kioskContract } from '../events/kiosk.js';
import { commandSender, listen } from './client.js';

/** A socket.io client socket whose acks and events the test plays by hand. */
function fakeSocket(answer: (event: string, payload: unknown) => Promise<unknown>) {
  const listeners = new Map<string, (payload: unknown) => void>();
  const emitWithAck = vi.fn(answer);
  return {
    emitWithAck,
    timeout: vi.fn(() => ({ emitWithAck })),
    on: (event: string, listener: (payload: unknown) => void) => listeners.set(event, listener),
    off: (event: string) => listeners.delete(event),
    play: (event: string, payload: unknown) => listeners.get(event)?.(payload),
    listening: () => [...listeners.keys()],
  };
}

const TICKET = {
  id: 't-1',
  number: 'B-014',
  serviceId: 's-1',
  language: 'id',
  status: 'waiting',
  needs: [],
  position: 1,
  wait: { minMs: 0, maxMs: 60_000 },
  createdAt: 1,
  visitToken: null,
  summaryToken: null,
} as const;

describe('sending a command of the contract', () => {
  test('sends the row’s payload and answers its parsed result', async () => {
    const socket = fakeSocket(async () => ({ ok: true, data: { ticket: TICKET } }));
    const send = commandSender(kioskContract.commands, () => socket, 1000);
    const result = await send('ticket:cancel', { ticketId: 't-1' });
    expect(socket.timeout).toHaveBeenCalledWith(1000);
    expect(socket.emitWithAck).toHaveBeenCalledWith('ticket:cancel', { ticketId: 't-1' });
    expect(result).toEqual({ ok: true, data: { ticket: TICKET } });
    if (result.ok) expectTypeOf(result.data.ticket.number).toEqualTypeOf<string>();
  });

  test.each([
    {
      name: 'a refusal keeps its code and when to try again',
      ack: { ok: false, error: { code: 'OUTSIDE_HOURS', message: 'closed', retryAt: 5 } },
      expected: { code: 'OUTSIDE_HOURS', message: 'closed', retryAt: 5 },
    },
    {
      name: 'an answer that breaks the row’s result is BAD_RESPONSE',
      ack: { ok: true, data: { ticket: { ...TICKET, status: 'teleported' } } },
      expected: { code: 'BAD_RESPONSE' },
    },
    {
      name: 'an error code outside the contract is BAD_RESPONSE',
      ack: { ok: false, error: { code: 'MADE_UP', message: '' } },
      expected: { code: 'BAD_RESPONSE' },
    },
  ])('$name', async ({ ack, expected }) => {
    const send = commandSender(kioskContract.commands, () => fakeSocket(async () => ack), 1000);
    const result = await send('ticket:cancel', { ticketId: 't-1' });
    expect(result).toEqual({ ok: false, error: expect.objectContaining(expected) });
  });

  test('no answer in time, or no socket at all, is TIMEOUT', async () => {
    const silent = fakeSocket(() => Promise.reject(new Error('operation has timed out')));
    const send = commandSender(kioskContract.commands, () => silent, 10);
    expect(await send('kiosk:bootstrap', {})).toMatchObject({ error: { code: 'TIMEOUT' } });
    const unconnected = commandSender(kioskContract.commands, () => null, 10);
    expect(await unconnected('kiosk:bootstrap', {})).toMatchObject({ error: { code: 'TIMEOUT' } });
  });

  test('a command can only be sent as its row says', () => {
    const send = commandSender(kioskContract.commands, () => null, 10);
    // Type-level only: each line below fails to compile, which is what the test pins.
    const mistakes = () => [
      // @ts-expect-error a payload of another row does not compile
      send('ticket:cancel', { callId: 'c-1' }),
      // @ts-expect-error an event the table does not hold cannot be sent
      send('ticket:delete', { ticketId: 't-1' }),
      // @ts-expect-error a command of another namespace cannot be sent on this one
      send('offer:accept', { ticketId: 't-1' }),
    ];
    expectTypeOf(mistakes).toBeFunction();
  });
});

describe('hearing the events of the contract', () => {
  test('hands each handler its payload parsed, and stops when asked', () => {
    const socket = fakeSocket(async () => null);
    const updated = vi.fn();
    const malformed = vi.fn();
    const stop = listen(socket, kioskContract.events, { 'ticket:updated': updated }, malformed);
    socket.play('ticket:updated', TICKET);
    expect(updated).toHaveBeenCalledWith(TICKET);
    expect(malformed).not.toHaveBeenCalled();
    stop();
    expect(socket.listening()).toEqual([]);
  });

  test('a payload that breaks its schema reaches no handler and is reported', () => {
    const socket = fakeSocket(async () => null);
    const withdrawn = vi.fn();
    const malformed = vi.fn();
    listen(socket, agentContract.events, { 'offer:withdrawn': withdrawn }, malformed);
    socket.play('offer:withdrawn', { ticketId: 't-1', reason: 'bored' });
    expect(withdrawn).not.toHaveBeenCalled();
    expect(malformed).toHaveBeenCalledWith('offer:withdrawn', expect.any(Error));
  });

  test('a handler is typed by its row, and only events of the table can be handled', () => {
    const socket = fakeSocket(async () => null);
    listen(
      socket,
      agentContract.events,
      {
        'offer:withdrawn': (withdrawn) => {
          expectTypeOf(withdrawn.reason).toEqualTypeOf<'expired' | 'cancelled'>();
        },
        // @ts-expect-error an event the table does not hold has no handler
        'offer:exploded': () => undefined,
      },
      () => undefined,
    );
  });
});
