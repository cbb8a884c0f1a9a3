import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  recogniserMissingReason,
  startRecogniser,
  type RecogniserProcess,
} from '../../test/recogniser-process.js';
import { OnPremRecogniser, type RecognitionLanguage } from './onprem-recogniser.js';
import { wordErrorRate } from './word-error-rate.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const speech = path.join(root, 'signaling-server/test/fixtures/speech');

/** A sentence recorded by scripts/speech-fixtures.sh, and what was said in it. */
function recorded(language: RecognitionLanguage) {
  return {
    audio: new Uint8Array(fs.readFileSync(path.join(speech, `${language}.wav`))),
    said: fs.readFileSync(path.join(speech, `${language}.txt`), 'utf8').trim(),
  };
}

/** A local HTTP server that answers each request as `respond` says (or never, if it does not). */
async function listen(
  respond: (response: http.ServerResponse) => void,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => respond(response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

const missing = recogniserMissingReason();
// A skipped test shows no reason in the summary: say it once, where the runner's output has it.
if (missing) console.warn(`on-premises recogniser tests skipped: ${missing}`);

describe.skipIf(missing !== null)(
  `the on-premises recogniser${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let service: RecogniserProcess;
    let recogniser: OnPremRecogniser;
    beforeAll(async () => {
      service = await startRecogniser();
      // The first utterance on a busy shared machine may take a few seconds.
      recogniser = new OnPremRecogniser({ url: service.url, timeoutMs: 30_000 });
    }, 90_000);
    afterAll(() => service?.stop());

    test('says it is ready with the model pinned to the upstream hash', async () => {
      const pins = fs.readFileSync(path.join(root, 'scripts/recogniser/model.sha256'), 'utf8');
      const pinned = /^(\w{64}) {2}model\.bin$/m.exec(pins)?.[1];
      expect(await recogniser.health()).toEqual({
        status: 'ready',
        model: 'faster-whisper-base',
        modelSha256: pinned,
      });
    });

    // Measured on the committed recordings: Indonesian 0.20, English 0.00 (espeak-ng's voice).
    test.each([
      { language: 'id' as const, most: 0.35 },
      { language: 'en' as const, most: 0.15 },
    ])(
      'transcribes the recorded $language sentence with a word error rate of at most $most',
      async ({ language, most }) => {
        const { audio, said } = recorded(language);
        const started = performance.now();
        const result = await recogniser.transcribe({ audio, format: 'wav', language });
        const elapsedMs = Math.round(performance.now() - started);
        if (result.status !== 'recognised') throw new Error(`unavailable: ${result.detail}`);
        const wer = wordErrorRate(said, result.text);
        console.info(
          `recogniser ${language}: WER ${wer.toFixed(2)}, ${result.recogniserMs} ms recognising, ` +
            `${elapsedMs} ms round trip: "${result.text}"`,
        );
        expect(wer).toBeLessThanOrEqual(most);
        expect(result.segments.length).toBeGreaterThan(0);
        expect(result.segments.at(-1)!.endMs).toBeGreaterThan(result.segments[0]!.startMs);
      },
      30_000,
    );

    test('takes the same sentence as bare samples', async () => {
      const { audio, said } = recorded('en');
      // A canonical WAV header is 44 bytes; what follows is the samples.
      const result = await recogniser.transcribe({
        audio: audio.subarray(44),
        format: 'pcm',
        language: 'en',
      });
      if (result.status !== 'recognised') throw new Error(`unavailable: ${result.detail}`);
      expect(wordErrorRate(said, result.text)).toBeLessThanOrEqual(0.15);
    }, 30_000);

    test('hears nothing in silence rather than inventing words', async () => {
      const second = new Uint8Array(16_000 * 2);
      const result = await recogniser.transcribe({ audio: second, format: 'pcm', language: 'id' });
      expect(result).toMatchObject({ status: 'recognised', text: '' });
    });

    test('refuses audio that is not 16 kHz mono WAV, which counts as unavailable', async () => {
      const result = await recogniser.transcribe({
        audio: new TextEncoder().encode('not a wave file'),
        format: 'wav',
        language: 'id',
      });
      expect(result).toMatchObject({ status: 'unavailable', reason: 'refused' });
      expect(result.status === 'unavailable' && result.detail).toContain('bad_audio');
    });
  },
);

describe('a recogniser that fails or hangs costs captions, never the call', () => {
  const utterance = { audio: new Uint8Array(3200), format: 'pcm', language: 'id' } as const;

  test('one that never answers is unavailable once the timeout passes', async () => {
    const silent = await listen(() => {});
    try {
      const started = performance.now();
      const result = await new OnPremRecogniser({ url: silent.url, timeoutMs: 300 }).transcribe(
        utterance,
      );
      expect(result).toMatchObject({ status: 'unavailable', reason: 'timeout' });
      expect(performance.now() - started).toBeLessThan(2_000);
    } finally {
      await silent.close();
    }
  });

  test('one that nothing listens on is unreachable', async () => {
    const gone = await listen(() => {});
    await gone.close();
    const recogniser = new OnPremRecogniser({ url: gone.url });
    expect(await recogniser.transcribe(utterance)).toMatchObject({
      status: 'unavailable',
      reason: 'unreachable',
    });
    expect(await recogniser.health()).toMatchObject({
      status: 'unavailable',
      reason: 'unreachable',
    });
  });

  test('one that fails on its side is unavailable as failed', async () => {
    const broken = await listen((response) => response.writeHead(500).end('{"error":"x"}'));
    try {
      expect(await new OnPremRecogniser({ url: broken.url }).transcribe(utterance)).toMatchObject({
        status: 'unavailable',
        reason: 'failed',
      });
    } finally {
      await broken.close();
    }
  });

  test('one that answers in another shape is unavailable as malformed', async () => {
    const other = await listen((response) =>
      response.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>hello</p>'),
    );
    try {
      const recogniser = new OnPremRecogniser({ url: other.url });
      expect(await recogniser.transcribe(utterance)).toMatchObject({
        status: 'unavailable',
        reason: 'malformed',
      });
      expect(await recogniser.health()).toMatchObject({
        status: 'unavailable',
        reason: 'malformed',
      });
    } finally {
      await other.close();
    }
  });

  test('a URL that is no URL is unreachable, not an exception', async () => {
    expect(await new OnPremRecogniser({ url: 'not a url' }).transcribe(utterance)).toMatchObject({
      status: 'unavailable',
      reason: 'unreachable',
    });
  });
});
