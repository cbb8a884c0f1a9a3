import { z } from 'zod';
import type { Recogniser } from './recogniser.js';

/** The languages Loket holds calls in; the recogniser is told which rather than left to guess. */
export type RecognitionLanguage = 'id' | 'en';

/** Where the office's own recogniser listens (`RECOGNISER_URL`, see scripts/recogniser.sh). */
export interface OnPremRecogniserSettings {
  url: string;
  /** How long one utterance may take before captions count the recogniser as unavailable. */
  timeoutMs?: number;
}

/** One utterance's audio: 16 kHz mono 16-bit PCM, as a WAV file or the bare samples. */
export interface Utterance {
  audio: Uint8Array<ArrayBuffer>;
  format: 'wav' | 'pcm';
  language: RecognitionLanguage;
}

export interface RecognisedSegment {
  /** Where the words lie in the utterance, ms from its start. */
  startMs: number;
  endMs: number;
  text: string;
}

/**
 * Why there is no text: nothing listens (`unreachable`), no answer in time (`timeout`), it
 * refused the audio or the language (`refused`), it failed on its side (`failed`), or it answered
 * in another shape (`malformed`). Captions show every one of them the same way, as unavailable;
 * the reason is for the log.
 */
export type UnavailableReason = 'unreachable' | 'timeout' | 'refused' | 'failed' | 'malformed';

export interface RecogniserUnavailable {
  status: 'unavailable';
  reason: UnavailableReason;
  detail: string;
}

export type Recognition =
  | {
      status: 'recognised';
      text: string;
      segments: RecognisedSegment[];
      /** The recogniser's own time on the utterance, ms. */
      recogniserMs: number;
    }
  | RecogniserUnavailable;

export type RecogniserHealth =
  { status: 'ready'; model: string; modelSha256: string } | RecogniserUnavailable;

const Transcribed = z.object({
  text: z.string(),
  segments: z.array(z.object({ start: z.number(), end: z.number(), text: z.string() })),
  ms: z.number(),
});
const Ready = z.object({ status: z.literal('ready'), model: z.string(), sha256: z.string() });
const Refusal = z.object({ error: z.string(), message: z.string() }).partial();

const CONTENT_TYPES = { wav: 'audio/wav', pcm: 'audio/pcm' } as const;

/**
 * The office's own speech recogniser (faster-whisper on 127.0.0.1, scripts/recogniser/serve.py):
 * audio goes to no one else. Every call answers, within the timeout, either text or why there is
 * none; it never throws, so a recogniser that fails or hangs costs a call its captions, not the
 * call.
 */
export class OnPremRecogniser {
  private readonly base: string;
  private readonly timeoutMs: number;

  constructor(settings: OnPremRecogniserSettings) {
    this.base = settings.url.replace(/\/+$/, '');
    this.timeoutMs = settings.timeoutMs ?? 8_000;
  }

  async transcribe(utterance: Utterance): Promise<Recognition> {
    const answer = await this.request(`/transcribe?language=${utterance.language}`, {
      method: 'POST',
      headers: { 'Content-Type': CONTENT_TYPES[utterance.format] },
      body: utterance.audio,
    });
    if (answer.status === 'unavailable') return answer;
    const parsed = Transcribed.safeParse(answer.body);
    if (!parsed.success) return unavailable('malformed', 'the recogniser answered another shape');
    return {
      status: 'recognised',
      text: parsed.data.text,
      segments: parsed.data.segments.map((segment) => ({
        startMs: Math.round(segment.start * 1000),
        endMs: Math.round(segment.end * 1000),
        text: segment.text,
      })),
      recogniserMs: parsed.data.ms,
    };
  }

  /** Whether the recogniser is up with its model loaded, and which model that is. */
  async health(): Promise<RecogniserHealth> {
    const answer = await this.request('/health', { method: 'GET' });
    if (answer.status === 'unavailable') return answer;
    const parsed = Ready.safeParse(answer.body);
    if (!parsed.success) return unavailable('malformed', 'the recogniser answered another shape');
    return { status: 'ready', model: parsed.data.model, modelSha256: parsed.data.sha256 };
  }

  private async request(
    path: string,
    init: { method: string; headers?: Record<string, string>; body?: Uint8Array<ArrayBuffer> },
  ): Promise<{ status: 'answered'; body: unknown } | RecogniserUnavailable> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      const response = await fetch(`${this.base}${path}`, { ...init, signal });
      const text = await response.text();
      if (response.ok) return { status: 'answered', body: safeJson(text) };
      const refusal = Refusal.safeParse(safeJson(text)).data;
      const detail = `${response.status} ${refusal?.error ?? ''} ${refusal?.message ?? ''}`.trim();
      return unavailable(response.status >= 500 ? 'failed' : 'refused', detail.slice(0, 300));
    } catch (error) {
      if (signal.aborted) return unavailable('timeout', `no answer within ${this.timeoutMs} ms`);
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return unavailable('unreachable', cause ?? (error as Error).message);
    }
  }
}

/**
 * The office's recogniser behind captions' {@link Recogniser} seam: bare 16 kHz PCM in, text out;
 * any answer but text is a failure, which captions show as unavailable.
 */
export function onPremRecogniser(settings: OnPremRecogniserSettings): Recogniser {
  const client = new OnPremRecogniser(settings);
  return {
    async transcribe(segment) {
      const recognition = await client.transcribe({
        audio: new Uint8Array(segment.audio),
        format: segment.mimeType === 'audio/wav' ? 'wav' : 'pcm',
        language: segment.language,
      });
      if (recognition.status === 'unavailable') {
        const failure = new Error(`recogniser ${recognition.reason}: ${recognition.detail}`);
        if (recognition.reason === 'timeout') failure.name = 'TimeoutError';
        throw failure;
      }
      return recognition.text;
    },
  };
}

function unavailable(reason: UnavailableReason, detail: string): RecogniserUnavailable {
  return { status: 'unavailable', reason, detail };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
