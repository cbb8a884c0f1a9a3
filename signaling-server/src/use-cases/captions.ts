import {
  CAPTION_BURST,
  CAPTION_MAX_LENGTH,
  CAPTION_PER_SECOND,
  type Caption,
  type CaptionCallRef,
  type CaptionProvider,
  type CaptionSources,
  CaptionStatus,
  type ChatAuthor,
  type ReportCaptionTrouble,
  type SendCaption,
  type SendSpeech,
  SPEECH_PIECE_MAX_BYTES,
  SPEECH_SAMPLE_RATE,
  SPEECH_UTTERANCE_MAX_MS,
} from '@loket/shared';
import { TokenBucket } from '../auth/token-bucket.js';
import {
  recognise,
  RECOGNISER_TIMEOUT_MS,
  type AudioSegment,
  type Recogniser,
} from '../captions/recogniser.js';
import type { Actor, ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import type { CaptionFact } from '../context/outbox.js';
import { findCall } from '../store/repositories/calls.js';
import {
  listCaptionTroubles,
  rememberCaptionTrouble,
} from '../store/repositories/caption-troubles.js';
import { findTicket } from '../store/repositories/tickets.js';

/** The two sides of a call that is going on, and which of them is asking. */
interface CaptionedCall {
  callId: string;
  ticketId: string;
  kioskId: string;
  agentId: string;
  me: ChatAuthor;
}

/** The most audio one utterance holds, in bytes of 16-bit samples. */
const UTTERANCE_MAX_BYTES = (SPEECH_SAMPLE_RATE * 2 * SPEECH_UTTERANCE_MAX_MS) / 1000;
/**
 * Audio one side may send at once, and per second after that: one longest utterance, then half
 * again as fast as anyone speaks, so a screen streaming its microphone never meets the limit and a
 * script sending faster than speech does.
 */
const SPEECH_BURST_BYTES = UTTERANCE_MAX_BYTES;
const SPEECH_BYTES_PER_SECOND = SPEECH_PIECE_MAX_BYTES * 1.5;
/** An utterance whose last piece has not come within this long is dropped. */
const UTTERANCE_FORGOTTEN_MS = 30_000;

/** The pieces of one side's utterance heard so far, in memory only until it is recognised. */
interface Utterance {
  utterance: number;
  pieces: Uint8Array[];
  bytes: number;
  startedAt: number;
}

/**
 * The caption providers an office offers, and the recogniser behind `onprem` when it runs one.
 * `typed` is always offered: the officer's typed line needs nothing but the console.
 */
export class Captions {
  readonly providers: readonly CaptionProvider[];
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly audioBuckets = new Map<string, TokenBucket>();
  private readonly utterances = new Map<string, Utterance>();

  constructor(
    configured: readonly CaptionProvider[],
    readonly recogniser: Recogniser | null,
    private readonly clock: () => number,
    readonly timeoutMs = RECOGNISER_TIMEOUT_MS,
  ) {
    const wanted = new Set<CaptionProvider>(['typed', ...configured]);
    if (!recogniser) wanted.delete('onprem');
    this.providers = [...wanted];
  }

  /**
   * Refuses a caption over the sender's budget with RATE_LIMITED; kept by kiosk or officer rather
   * than by socket so that reconnecting buys no fresh burst.
   */
  spend(actor: Actor): void {
    const now = this.clock();
    const bucket = bucketOf(this.buckets, senderOf(actor), now, CAPTION_BURST, CAPTION_PER_SECOND);
    if (!bucket.take(1, now)) throw new LoketError('RATE_LIMITED', 'too many captions, slow down');
  }

  /** Refuses audio sent faster than anyone speaks with RATE_LIMITED. */
  spendAudio(actor: Actor, bytes: number): void {
    const now = this.clock();
    const bucket = bucketOf(
      this.audioBuckets,
      senderOf(actor),
      now,
      SPEECH_BURST_BYTES,
      SPEECH_BYTES_PER_SECOND,
    );
    if (!bucket.take(bytes, now)) throw new LoketError('RATE_LIMITED', 'audio faster than speech');
  }

  /**
   * Adds a piece to its side's utterance: the whole utterance once its last piece is in, else
   * null. A piece of a new utterance drops the one before; one past the longest is BAD_REQUEST.
   */
  hear(key: string, piece: SendSpeech): Uint8Array<ArrayBuffer> | null {
    const now = this.clock();
    for (const [other, heard] of this.utterances) {
      if (now - heard.startedAt > UTTERANCE_FORGOTTEN_MS) this.utterances.delete(other);
    }
    let heard = this.utterances.get(key);
    if (!heard || heard.utterance !== piece.utterance) {
      heard = { utterance: piece.utterance, pieces: [], bytes: 0, startedAt: now };
      this.utterances.set(key, heard);
    }
    if (heard.bytes + piece.pcm.byteLength > UTTERANCE_MAX_BYTES) {
      this.utterances.delete(key);
      throw new LoketError('BAD_REQUEST', 'an utterance is at most 15 seconds long');
    }
    // Pieces are placed by number: their handlers may finish in another order than they came.
    heard.pieces[piece.seq] = piece.pcm;
    heard.bytes += piece.pcm.byteLength;
    if (!piece.last) return null;
    this.utterances.delete(key);
    const audio = new Uint8Array(heard.bytes);
    let at = 0;
    for (let seq = 0; seq <= piece.seq; seq += 1) {
      // A piece lost on the way leaves words out of the middle: better no caption than a wrong one.
      const pcm = heard.pieces[seq];
      if (!pcm) return null;
      audio.set(pcm, at);
      at += pcm.byteLength;
    }
    return audio.subarray(0, at);
  }
}

const senderOf = (actor: Actor) =>
  actor.kind === 'kiosk' ? `kiosk:${actor.kioskId}` : `user:${actor.userId}`;

function bucketOf(
  buckets: Map<string, TokenBucket>,
  sender: string,
  now: number,
  burst: number,
  perSecond: number,
): TokenBucket {
  let bucket = buckets.get(sender);
  if (!bucket) {
    bucket = new TokenBucket(burst, perSecond, now);
    buckets.set(sender, bucket);
  }
  return bucket;
}

/**
 * The call `callId` as `actor` takes part in it: FORBIDDEN for someone who is not one of its two
 * sides, NOT_IN_CALL once it has ended.
 */
async function captionedCall(
  ctx: ServiceContext,
  actor: Actor,
  callId: string,
): Promise<CaptionedCall> {
  const call = await findCall(ctx.db, callId);
  const party =
    call &&
    call.office_id === actor.officeId &&
    (actor.kind === 'kiosk' ? call.kiosk_id === actor.kioskId : call.agent_id === actor.userId);
  if (!call || !party) throw new LoketError('FORBIDDEN', 'this call is not yours');
  if (call.ended_at !== null) throw new LoketError('NOT_IN_CALL', 'this call has ended');
  return {
    callId: call.id,
    ticketId: call.ticket_id,
    kioskId: call.kiosk_id,
    agentId: call.agent_id,
    me: actor.kind === 'kiosk' ? 'kiosk' : 'agent',
  };
}

function tellBoth(ctx: ServiceContext, call: CaptionedCall, fact: CaptionFact): void {
  ctx.notifier.captionToKiosk(call.kioskId, fact);
  ctx.notifier.captionToAgent(call.agentId, fact);
}

function refuseUnoffered(captions: Captions, provider: CaptionProvider): void {
  if (!captions.providers.includes(provider)) {
    throw new LoketError('BAD_REQUEST', `captions by ${provider} are not offered here`);
  }
}

/**
 * One side's caption: shown to both sides at once (the sender's other screens included) and never
 * stored. Only the officer types a line; each side captions its own speech.
 */
export async function sendCaption(
  ctx: ServiceContext,
  captions: Captions,
  actor: Actor,
  input: SendCaption,
): Promise<null> {
  const call = await captionedCall(ctx, actor, input.callId);
  refuseUnoffered(captions, input.provider);
  if (input.provider === 'typed' && call.me !== 'agent') {
    throw new LoketError('BAD_REQUEST', 'only the officer types a caption line');
  }
  captions.spend(actor);
  const caption: Caption = {
    callId: call.callId,
    ticketId: call.ticketId,
    from: call.me,
    text: input.text,
    final: input.final,
    provider: input.provider,
    at: ctx.clock(),
  };
  tellBoth(ctx, call, { kind: 'caption', caption });
  return null;
}

/**
 * A piece of one side's speech for the office's recogniser, from a side of a call going on and in
 * the call's language (BAD_REQUEST otherwise). Its utterance, once its last piece is in, is
 * recognised after the answer, and the text reaches both sides as a caption; the audio is kept
 * nowhere.
 */
export async function hearSpeech(
  ctx: ServiceContext,
  captions: Captions,
  actor: Actor,
  input: SendSpeech,
): Promise<null> {
  const call = await captionedCall(ctx, actor, input.callId);
  refuseUnoffered(captions, 'onprem');
  const ticket = await findTicket(ctx.db, call.ticketId);
  if (ticket?.language !== input.language) {
    throw new LoketError('BAD_REQUEST', 'speech is recognised in the call’s language only');
  }
  captions.spendAudio(actor, input.pcm.byteLength);
  const audio = captions.hear(`${call.callId}:${call.me}`, input);
  if (audio) {
    const segment = {
      callId: call.callId,
      from: call.me,
      language: input.language,
      audio,
      mimeType: 'audio/pcm',
    };
    captionSegment(ctx, captions, segment).catch((error: unknown) =>
      ctx.log.error({ err: error, callId: call.callId }, 'captioning speech failed'),
    );
  }
  return null;
}

/** The caption providers offered for a call, told to each of its sides. */
export async function captionSources(
  ctx: ServiceContext,
  captions: Captions,
  actor: Actor,
  input: CaptionCallRef,
): Promise<CaptionSources> {
  await captionedCall(ctx, actor, input.callId);
  const rows = await listCaptionTroubles(ctx.db, input.callId);
  const troubles = rows.map((row) =>
    CaptionStatus.parse({
      callId: row.call_id,
      from: row.from_side,
      provider: row.provider,
      trouble: row.trouble,
      at: row.at,
    }),
  );
  return { providers: [...captions.providers], troubles };
}

/**
 * One side's captions from a provider stopped (its browser has none…): both sides are told, and
 * it is kept for a screen that opens its captions later (the console renders its call view after
 * the kiosk may have found it has no recognition).
 */
export async function reportCaptionTrouble(
  ctx: ServiceContext,
  actor: Actor,
  input: ReportCaptionTrouble,
): Promise<null> {
  const call = await captionedCall(ctx, actor, input.callId);
  const status: CaptionStatus = { ...input, from: call.me, at: ctx.clock() };
  await rememberCaptionTrouble(ctx.db, {
    call_id: status.callId,
    from_side: status.from,
    provider: status.provider,
    trouble: status.trouble,
    at: status.at,
  });
  tellBoth(ctx, call, { kind: 'status', status });
  return null;
}

/**
 * A segment of one side's speech through the office's recogniser: its text as a final caption to
 * both sides, or, when the recogniser fails or hangs, "captions unavailable" to both sides. The
 * call goes on either way.
 */
export async function captionSegment(
  ctx: ServiceContext,
  captions: Captions,
  segment: AudioSegment,
): Promise<void> {
  if (!captions.recogniser) return;
  const found = await findCall(ctx.db, segment.callId);
  if (!found || found.ended_at !== null) return;
  const call: CaptionedCall = {
    callId: found.id,
    ticketId: found.ticket_id,
    kioskId: found.kiosk_id,
    agentId: found.agent_id,
    me: segment.from,
  };
  const outcome = await recognise(captions.recogniser, segment, captions.timeoutMs);
  if ('failure' in outcome) {
    ctx.log.warn({ callId: call.callId, failure: outcome.failure }, 'speech recognition failed');
    const status: CaptionStatus = {
      callId: call.callId,
      from: segment.from,
      provider: 'onprem',
      trouble: outcome.failure,
      at: ctx.clock(),
    };
    tellBoth(ctx, call, { kind: 'status', status });
    return;
  }
  const text = outcome.text.trim();
  if (!text) return;
  const caption: Caption = {
    callId: call.callId,
    ticketId: call.ticketId,
    from: segment.from,
    text: text.slice(0, CAPTION_MAX_LENGTH),
    final: true,
    provider: 'onprem',
    at: ctx.clock(),
  };
  tellBoth(ctx, call, { kind: 'caption', caption });
}
