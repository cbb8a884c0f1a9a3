import { describe, expect, expectTypeOf, test } from 'vitest';
import type { z } from 'zod';
import { ackSchema, fail, ok, type Ack } from '../ack.js';
import { TicketView } from '../domain/ticket.js';
import type { AgentClientToServerEvents } from './agent.js';
import { CreateTicket, KioskAuth, type KioskClientToServerEvents } from './kiosk.js';
import { CallSignal } from './signal.js';
import { Empty } from './empty.js';
import { SendSpeech } from '../domain/captions.js';

describe('the socket contract', () => {
  test('a well-formed ticket request passes and keeps its fields', () => {
    const input = {
      clientId: '4f0c2d1e-8b7a-4c39-9e51-0d3b2a1f6c70',
      serviceId: 's1',
      language: 'id',
    };
    expect(CreateTicket.parse(input)).toEqual({ ...input, needs: [] });
  });

  test.each([
    { name: 'no client id', input: { serviceId: 's1', language: 'id' } },
    {
      name: 'a client id that is not a uuid',
      input: { clientId: '1', serviceId: 's1', language: 'id' },
    },
    {
      name: 'an unknown language',
      input: { clientId: crypto.randomUUID(), serviceId: 's1', language: 'de' },
    },
    {
      name: 'an empty service id',
      input: { clientId: crypto.randomUUID(), serviceId: '', language: 'id' },
    },
    {
      name: 'a service id too long to be ours',
      input: { clientId: crypto.randomUUID(), serviceId: 'x'.repeat(65), language: 'id' },
    },
  ])('a ticket request with $name is rejected', ({ input }) => {
    expect(CreateTicket.safeParse(input).success).toBe(false);
  });

  test('a kiosk token must look like one', () => {
    expect(KioskAuth.safeParse({ token: 'short' }).success).toBe(false);
    expect(KioskAuth.safeParse({ token: 'a'.repeat(43) }).success).toBe(true);
  });

  test('signals carry a description or a candidate, never anything else', () => {
    expect(
      CallSignal.safeParse({ callId: 'c', signal: { kind: 'candidate', candidate: null } }).success,
    ).toBe(true);
    expect(
      CallSignal.safeParse({
        callId: 'c',
        signal: { kind: 'description', description: { type: 'offer', sdp: 'v=0' } },
      }).success,
    ).toBe(true);
    expect(
      CallSignal.safeParse({ callId: 'c', signal: { kind: 'script', code: 'x' } }).success,
    ).toBe(false);
    expect(
      CallSignal.safeParse({
        callId: 'c',
        signal: { kind: 'description', description: { type: 'offer', sdp: 'x'.repeat(70_000) } },
      }).success,
    ).toBe(false);
  });

  test('an empty command payload allows no extra fields', () => {
    expect(Empty.safeParse({}).success).toBe(true);
    expect(Empty.safeParse({ role: 'admin' }).success).toBe(false);
  });

  test('acks are either data or a typed error', () => {
    const schema = ackSchema(TicketView);
    expect(schema.safeParse(fail('NOT_FOUND', 'gone')).success).toBe(true);
    expect(schema.safeParse({ ok: false, error: { code: 'MADE_UP', message: '' } }).success).toBe(
      false,
    );
    expect(schema.safeParse(ok({ id: 'x' })).success).toBe(false);
  });

  test('types are derived from the schemas, so both ends agree', () => {
    expectTypeOf<Parameters<KioskClientToServerEvents['ticket:create']>[0]>().toEqualTypeOf<
      z.input<typeof CreateTicket>
    >();
    expectTypeOf<Parameters<AgentClientToServerEvents['offer:accept']>[1]>()
      .parameter(0)
      .toMatchTypeOf<Ack<unknown>>();
    expectTypeOf(ok(1)).toEqualTypeOf<Ack<number>>();
  });

  test('speech for the recogniser is binary 16-bit audio, a second at most a piece', () => {
    const piece = { callId: 'c', language: 'id', utterance: 0, seq: 0, last: true };
    expect(SendSpeech.safeParse({ ...piece, pcm: new Uint8Array(32_000) }).success).toBe(true);
    expect(SendSpeech.safeParse({ ...piece, pcm: [0, 0] }).success).toBe(false);
    expect(SendSpeech.safeParse({ ...piece, pcm: new Uint8Array(32_002) }).success).toBe(false);
    expect(SendSpeech.safeParse({ ...piece, pcm: new Uint8Array(3) }).success).toBe(false);
  });
});
