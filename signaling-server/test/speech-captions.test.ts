import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SPEECH_PIECE_MAX_BYTES } from '@loket/shared';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { onPremRecogniser } from '../src/captions/onprem-recogniser.js';
import type { Recogniser } from '../src/captions/recogniser.js';
import { wordErrorRate } from '../src/captions/word-error-rate.js';
import { Captions } from '../src/use-cases/captions.js';
import { eventWhere, nextEvent, startServer, type TestServer } from './harness.js';
import {
  recogniserMissingReason,
  startRecogniser,
  type RecogniserProcess,
} from './recogniser-process.js';
import { callInProgress } from './support/calls.js';
import { recordedSpeech, speechPieces } from './support/speech-pieces.js';

let server: TestServer;
afterEach(() => server?.close());

const ONPREM = { captions: ['typed' as const, 'onprem' as const] };
/** Hears every utterance as the same words, at once. */
const hearsAlways: Recogniser = { transcribe: () => Promise.resolve('Saya mau membuat KTP') };
const second = new Uint8Array(SPEECH_PIECE_MAX_BYTES);
const piece = (callId: string, overrides: object = {}) => ({
  callId,
  language: 'id' as const,
  utterance: 0,
  seq: 0,
  last: true,
  pcm: second,
  ...overrides,
});

describe('speech through the office’s recogniser', () => {
  test('an utterance sent in pieces reaches both sides as the speaker’s caption', async () => {
    server = await startServer({ config: ONPREM, recogniser: hearsAlways });
    const { kiosk, agent, callId } = await callInProgress(server);
    const toAgent = nextEvent(agent, 'caption');
    const toKiosk = nextEvent(kiosk, 'caption');
    for (const [seq, last] of [
      [0, false],
      [1, true],
    ] as const) {
      expect(await kiosk.emitWithAck('caption:audio', piece(callId, { seq, last }))).toEqual({
        ok: true,
        data: null,
      });
    }
    const expected = { callId, from: 'kiosk', text: 'Saya mau membuat KTP', provider: 'onprem' };
    expect(await toAgent).toMatchObject(expected);
    expect(await toKiosk).toMatchObject(expected);
  });

  test('a recogniser that hangs makes the speaker’s captions unavailable on both sides; the call goes on', async () => {
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      server = await startServer({
        config: ONPREM,
        recogniser: onPremRecogniser({ url, timeoutMs: 200 }),
      });
      const { kiosk, agent, callId } = await callInProgress(server);
      const toAgent = nextEvent(agent, 'caption:status');
      const toKiosk = nextEvent(kiosk, 'caption:status');
      await agent.emitWithAck('caption:audio', piece(callId));
      const expected = { callId, from: 'agent', provider: 'onprem', trouble: 'timeout' };
      expect(await toAgent).toMatchObject(expected);
      expect(await toKiosk).toMatchObject(expected);
      const typed = nextEvent(kiosk, 'caption');
      await agent.emitWithAck('caption:send', {
        callId,
        text: 'Masih di sini',
        final: true,
        provider: 'typed',
      });
      expect((await typed).text).toBe('Masih di sini');
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});

describe('speech refused', () => {
  test('audio from someone not in the call is FORBIDDEN', async () => {
    server = await startServer({ config: ONPREM, recogniser: hearsAlways });
    const { callId } = await callInProgress(server);
    const otherAgent = await server.agent(await server.login('petugas2'));
    const otherKiosk = await server.kiosk(await server.enrolKiosk());
    for (const side of [otherAgent, otherKiosk] as const) {
      const refused = await (side as typeof otherAgent).emitWithAck('caption:audio', piece(callId));
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  test('audio to a call that has ended is NOT_IN_CALL', async () => {
    server = await startServer({ config: ONPREM, recogniser: hearsAlways });
    const { agent, callId } = await callInProgress(server);
    await agent.emitWithAck('call:end', { callId });
    const refused = await agent.emitWithAck('caption:audio', piece(callId));
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_IN_CALL' } });
  });

  test.each([
    { name: 'a piece over a second long', change: { pcm: new Uint8Array(second.length + 2) } },
    { name: 'half a sample', change: { pcm: new Uint8Array(3) } },
    { name: 'speech in another language than the call’s', change: { language: 'en' } },
    { name: 'a piece past the longest utterance', change: { seq: 16 } },
  ])('$name is BAD_REQUEST', async ({ change }) => {
    server = await startServer({ config: ONPREM, recogniser: hearsAlways });
    const { kiosk, callId } = await callInProgress(server);
    const refused = await kiosk.emitWithAck('caption:audio', piece(callId, change));
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  test('an utterance longer than 15 seconds is BAD_REQUEST', () => {
    const captions = new Captions(['onprem'], hearsAlways, Date.now);
    const hear = (seq: number) => () =>
      captions.hear('call:kiosk', { ...piece('call', { seq, last: false }) });
    for (let seq = 0; seq < 15; seq += 1) expect(hear(seq)()).toBeNull();
    expect(hear(15)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });

  test('audio sent faster than anyone speaks is RATE_LIMITED', async () => {
    server = await startServer({ config: ONPREM, recogniser: hearsAlways });
    const { kiosk, callId } = await callInProgress(server);
    const codes: string[] = [];
    for (let utterance = 0; utterance < 4; utterance += 1) {
      for (let seq = 0; seq < 8; seq += 1) {
        const answer = await kiosk.emitWithAck(
          'caption:audio',
          piece(callId, { utterance, seq, last: seq === 7 }),
        );
        codes.push(answer.ok ? 'ok' : answer.error.code);
      }
    }
    expect(codes).toContain('RATE_LIMITED');
  });

  test('audio is refused while the office runs no recogniser', async () => {
    server = await startServer({ config: ONPREM });
    const { kiosk, callId } = await callInProgress(server);
    const refused = await kiosk.emitWithAck('caption:audio', piece(callId));
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});

const missing = recogniserMissingReason();
if (missing) console.warn(`on-premises speech caption tests skipped: ${missing}`);

describe.skipIf(missing !== null)('a recorded sentence through the real recogniser', () => {
  let service: RecogniserProcess;
  beforeAll(async () => {
    service = await startRecogniser();
  }, 90_000);
  afterAll(() => service?.stop());

  test('the visitor’s Indonesian sentence reaches the officer as a caption close to what was said', async () => {
    server = await startServer({
      config: { ...ONPREM, recogniserTimeoutMs: 30_000 },
      recogniser: onPremRecogniser({ url: service.url, timeoutMs: 30_000 }),
    });
    const { kiosk, agent, callId } = await callInProgress(server);
    const { pcm, said } = recordedSpeech('id');
    // A busy machine may take many seconds over the first utterance.
    const caption = eventWhere(agent, 'caption', (c) => c.provider === 'onprem', 30_000);
    for (const speech of speechPieces(callId, 'id', pcm)) {
      const answer = await kiosk.emitWithAck('caption:audio', speech);
      expect(answer.ok).toBe(true);
    }
    const heard = await caption;
    expect(heard).toMatchObject({ from: 'kiosk', final: true });
    // Measured on the recording: 0.20 (espeak-ng's voice, Whisper base).
    expect(wordErrorRate(said, heard.text)).toBeLessThanOrEqual(0.35);
    expect(await server.db.selectFrom('chat_messages').selectAll().execute()).toEqual([]);
  }, 60_000);
});
