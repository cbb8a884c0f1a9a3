import type { kioskContract } from '@loket/shared';
import { type CreateTicket, type TicketResult } from '@loket/shared';
import { describe, expectTypeOf, test } from 'vitest';
import type { z } from 'zod';
import type { CommandHandlers, Session } from './handler.js';
import type { KioskNamespace } from './namespaces.js';

type KioskHandlers = CommandHandlers<typeof kioskContract.commands>;

// Type-level tests: each mistake below fails to compile (`@ts-expect-error` says so), so the
// build breaks if the contract table ever stops catching it.
describe('the server is held to the contract table', () => {
  test('a handler takes its row’s parsed input and answers its row’s result', () => {
    type CreateHandler = KioskHandlers['ticket:create'];
    expectTypeOf<Parameters<CreateHandler>[0]>().toEqualTypeOf<z.output<typeof CreateTicket>>();
    expectTypeOf<Parameters<CreateHandler>[1]>().toEqualTypeOf<Session>();
    expectTypeOf<ReturnType<CreateHandler>>().toEqualTypeOf<
      Promise<z.input<typeof TicketResult>>
    >();
  });

  test('a handler that disagrees with its row, or a missing one, does not compile', () => {
    const mistakes = (ok: KioskHandlers) => {
      // @ts-expect-error a handler answering another row's result
      const wrongAnswer: KioskHandlers['ticket:cancel'] = ok['callback:request'];
      const wrongInput: KioskHandlers['ticket:cancel'] = async (input, session) =>
        // @ts-expect-error a handler reading a field its row's input does not have
        ok['call:end']({ callId: input.callId }, session);
      // @ts-expect-error a namespace without a handler for each of its commands
      const missing: KioskHandlers = { 'kiosk:bootstrap': ok['kiosk:bootstrap'] };
      return [wrongAnswer, wrongInput, missing];
    };
    expectTypeOf(mistakes).toBeFunction();
  });

  test('an event told to a client carries its row’s payload', () => {
    const mistakes = (kiosks: KioskNamespace) => {
      // @ts-expect-error a payload that breaks its row
      kiosks.emit('ticket:updated', { id: 't-1' });
      // @ts-expect-error an event the table does not hold
      kiosks.emit('ticket:exploded', {});
      // @ts-expect-error an event of another namespace
      kiosks.emit('offer:new', {});
    };
    expectTypeOf(mistakes).toBeFunction();
  });
});
