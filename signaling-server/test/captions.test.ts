import { CAPTION_BURST, CAPTION_MAX_LENGTH, type CaptionProvider } from '@loket/shared';
import { afterEach, describe, expect, test } from 'vitest';
import type { AudioSegment, Recogniser } from '../src/captions/recogniser.js';
import { captionSegment, Captions } from '../src/use-cases/captions.js';
import { eventWhere, nextEvent, startServer, type TestServer } from './harness.js';
import { callInProgress, offeredTicket } from './support/calls.js';

let server: TestServer;
afterEach(() => server.close());

const typed = (callId: string, text: string, final = false) => ({
  callId,
  text,
  final,
  provider: 'typed' as const,
});

describe('captions of a call', () => {
  test('the officer’s typed line reaches the kiosk as it grows, then final, and the console too', async () => {
    server = await startServer();
    const { kiosk, agent, callId, ticketId } = await callInProgress(server);

    const unfinished = nextEvent(kiosk, 'caption');
    expect(await agent.emitWithAck('caption:send', typed(callId, 'Selamat'))).toEqual({
      ok: true,
      data: null,
    });
    expect(await unfinished).toMatchObject({
      callId,
      ticketId,
      from: 'agent',
      text: 'Selamat',
      final: false,
      provider: 'typed',
    });

    const onKiosk = eventWhere(kiosk, 'caption', (c) => c.final);
    const onConsole = eventWhere(agent, 'caption', (c) => c.final);
    await agent.emitWithAck('caption:send', typed(callId, 'Selamat pagi', true));
    expect((await onKiosk).text).toBe('Selamat pagi');
    expect((await onConsole).text).toBe('Selamat pagi');
    expect(await server.db.selectFrom('chat_messages').selectAll().execute()).toEqual([]);
  });

  test('each side is told the providers the office offers, the typed line always among them', async () => {
    server = await startServer({ config: { captions: ['browser'] } });
    const { kiosk, agent, callId } = await callInProgress(server);
    for (const side of [kiosk, agent] as const) {
      const answer = await (side as typeof kiosk).emitWithAck('caption:sources', { callId });
      expect(answer).toEqual({ ok: true, data: { providers: ['typed', 'browser'], troubles: [] } });
    }
  });

  test('a kiosk learns at start whether browser recognition may send the visitor’s audio out', async () => {
    for (const [captions, leaves] of [
      [['typed'], false],
      [['typed', 'browser'], true],
    ] as const) {
      server = await startServer({ config: { captions: [...captions] } });
      const kiosk = await server.kiosk();
      const boot = await kiosk.emitWithAck('kiosk:bootstrap', {});
      expect(boot.ok && boot.data.speechLeavesOffice).toBe(leaves);
      await server.close();
    }
    server = await startServer();
  });

  test('the office’s recogniser is not offered while none runs', async () => {
    server = await startServer({ config: { captions: ['typed', 'onprem'] } });
    const { kiosk, callId } = await callInProgress(server);
    expect(await kiosk.emitWithAck('caption:sources', { callId })).toEqual({
      ok: true,
      data: { providers: ['typed'], troubles: [] },
    });
  });

  test('the kiosk’s browser recognition failing is told to both sides, and the call goes on', async () => {
    server = await startServer({ config: { captions: ['typed', 'browser'] } });
    const { kiosk, agent, callId } = await callInProgress(server);
    const toAgent = nextEvent(agent, 'caption:status');
    const toKiosk = nextEvent(kiosk, 'caption:status');
    await kiosk.emitWithAck('caption:trouble', { callId, provider: 'browser', trouble: 'network' });
    const expected = { callId, from: 'kiosk', provider: 'browser', trouble: 'network' };
    expect(await toAgent).toMatchObject(expected);
    expect(await toKiosk).toMatchObject(expected);
    expect((await server.db.selectFrom('calls').selectAll().executeTakeFirst())?.ended_at).toBe(
      null,
    );
  });

  test('a side that opens its captions after the other reported trouble is told it when it asks', async () => {
    server = await startServer({ config: { captions: ['typed', 'browser'] } });
    const { kiosk, agent, callId } = await callInProgress(server);
    await kiosk.emitWithAck('caption:trouble', { callId, provider: 'browser', trouble: 'network' });
    await kiosk.emitWithAck('caption:trouble', {
      callId,
      provider: 'browser',
      trouble: 'not_allowed',
    });
    await agent.emitWithAck('caption:trouble', {
      callId,
      provider: 'browser',
      trouble: 'unsupported',
    });
    const answer = await agent.emitWithAck('caption:sources', { callId });
    const troubles = answer.ok ? answer.data.troubles : [];
    // One a side and provider, the latest: the kiosk's second report replaced its first.
    expect(troubles).toHaveLength(2);
    expect(troubles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'kiosk', provider: 'browser', trouble: 'not_allowed' }),
        expect.objectContaining({ from: 'agent', provider: 'browser', trouble: 'unsupported' }),
      ]),
    );
  });
});

describe('caption refusals', () => {
  test('a caption from someone not in the call is FORBIDDEN', async () => {
    server = await startServer();
    const { callId } = await callInProgress(server);
    const otherAgent = await server.agent(await server.login('petugas2'));
    const otherKiosk = await server.kiosk(await server.enrolKiosk());
    for (const side of [otherAgent, otherKiosk] as const) {
      const refused = await (side as typeof otherAgent).emitWithAck(
        'caption:send',
        typed(callId, 'Halo'),
      );
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  test('a caption about a call that does not exist yet (a ringing offer) is FORBIDDEN', async () => {
    server = await startServer();
    const { agent } = await offeredTicket(server);
    const refused = await agent.emitWithAck('caption:send', typed('no-such-call', 'Halo'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('a caption to a call that has ended is NOT_IN_CALL', async () => {
    server = await startServer();
    const { agent, callId } = await callInProgress(server);
    await agent.emitWithAck('call:end', { callId });
    const refused = await agent.emitWithAck('caption:send', typed(callId, 'Halo?'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_IN_CALL' } });
  });

  test.each([
    { name: 'an empty line', text: '' },
    { name: 'a line over the longest', text: 'a'.repeat(CAPTION_MAX_LENGTH + 1) },
  ])('$name is BAD_REQUEST', async ({ text }) => {
    server = await startServer();
    const { agent, callId } = await callInProgress(server);
    const refused = await agent.emitWithAck('caption:send', typed(callId, text));
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  test.each<{ name: string; provider: CaptionProvider; side: 'kiosk' | 'agent' }>([
    { name: 'a provider the office does not offer', provider: 'browser', side: 'agent' },
    { name: 'a typed line from the kiosk', provider: 'typed', side: 'kiosk' },
  ])('$name is BAD_REQUEST', async ({ provider, side }) => {
    server = await startServer();
    const call = await callInProgress(server);
    const refused = await (call[side] as typeof call.kiosk).emitWithAck('caption:send', {
      ...typed(call.callId, 'Halo'),
      provider,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  test('more captions a second than a typed line makes is RATE_LIMITED', async () => {
    server = await startServer();
    const { agent, callId } = await callInProgress(server);
    const answers = await Promise.all(
      Array.from({ length: CAPTION_BURST + 3 }, (_, i) =>
        agent.emitWithAck('caption:send', typed(callId, `kata ${i}`)),
      ),
    );
    const codes = answers.map((a) => (a.ok ? 'ok' : a.error.code));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(CAPTION_BURST);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(3);
  });
});

describe('the office’s own recogniser', () => {
  const segment = (callId: string): AudioSegment => ({
    callId,
    from: 'kiosk',
    language: 'id',
    audio: new Uint8Array([1, 2, 3]),
    mimeType: 'audio/wav',
  });
  const onprem = (recogniser: Recogniser, timeoutMs = 1000) =>
    new Captions(['onprem'], recogniser, Date.now, timeoutMs);

  test('its text reaches both sides as a final caption', async () => {
    server = await startServer();
    const { kiosk, agent, callId } = await callInProgress(server);
    const toAgent = nextEvent(agent, 'caption');
    const toKiosk = nextEvent(kiosk, 'caption');
    await captionSegment(
      server.app.ctx,
      onprem({ transcribe: () => Promise.resolve(' Saya mau membuat KTP ') }),
      segment(callId),
    );
    const expected = {
      from: 'kiosk',
      text: 'Saya mau membuat KTP',
      final: true,
      provider: 'onprem',
    };
    expect(await toAgent).toMatchObject(expected);
    expect(await toKiosk).toMatchObject(expected);
  });

  test.each([
    { trouble: 'failed', recogniser: { transcribe: () => Promise.reject(new Error('crashed')) } },
    {
      trouble: 'timeout',
      recogniser: {
        transcribe: (_: AudioSegment, signal: AbortSignal) =>
          new Promise<string>((_resolve, reject) => signal.addEventListener('abort', reject)),
      },
    },
  ])(
    'one that is $trouble makes captions unavailable on both sides; the call goes on',
    async ({ trouble, recogniser }) => {
      server = await startServer();
      const { kiosk, agent, callId } = await callInProgress(server);
      const toAgent = nextEvent(agent, 'caption:status');
      const toKiosk = nextEvent(kiosk, 'caption:status');
      await captionSegment(server.app.ctx, onprem(recogniser, 50), segment(callId));
      expect(await toAgent).toMatchObject({ callId, provider: 'onprem', trouble });
      expect(await toKiosk).toMatchObject({ callId, provider: 'onprem', trouble });
      const stillTyped = nextEvent(kiosk, 'caption');
      await agent.emitWithAck('caption:send', typed(callId, 'Masih di sini', true));
      expect((await stillTyped).text).toBe('Masih di sini');
    },
  );
});
