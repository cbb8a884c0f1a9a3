import { z } from 'zod';
import { ChatAuthor } from './chat.js';
import { EpochMs, Id } from './ids.js';
import { Language } from './language.js';

/** The longest caption: a couple of spoken sentences, what fits the strip under the video. */
export const CAPTION_MAX_LENGTH = 300;

/**
 * Captions one side may send at once, and per second after that. A typed line is sent as it
 * grows (the screens send at most one update every {@link CAPTION_UPDATE_MS}), so the budget is
 * wider than chat's while still far below what a script sends.
 */
export const CAPTION_BURST = 10;
/** Captions per second after the burst. */
export const CAPTION_PER_SECOND = 6;
/** The least time between two unfinished updates of the same line a screen sends. */
export const CAPTION_UPDATE_MS = 200;

/**
 * Where a caption comes from: the officer's typed line, the browser's own speech recognition
 * (audio leaves the office for the browser maker's service), or the office's own recogniser.
 */
export const CaptionProvider = z.enum(['typed', 'browser', 'onprem']);
/** Where a caption comes from. */
export type CaptionProvider = z.infer<typeof CaptionProvider>;

/** Every caption provider, in the order an office's configuration lists them. */
export const CAPTION_PROVIDERS = CaptionProvider.options;

/** A caption's text: what was said or typed, shown as text whatever it holds. */
export const CaptionText = z.string().trim().min(1).max(CAPTION_MAX_LENGTH);

/**
 * One side sends the line it is saying or typing. An unfinished line (`final: false`) replaces the
 * line shown until then; a final one closes it.
 */
export const SendCaption = z.object({
  callId: Id,
  text: CaptionText,
  final: z.boolean(),
  provider: CaptionProvider,
});
/** One side sends the line it is saying or typing. */
export type SendCaption = z.infer<typeof SendCaption>;

/** A caption as both sides of the call see it; captions are shown, never stored. */
export const Caption = z.object({
  callId: Id,
  ticketId: Id,
  from: ChatAuthor,
  text: z.string().max(CAPTION_MAX_LENGTH),
  final: z.boolean(),
  provider: CaptionProvider,
  at: EpochMs,
});
/** A caption as both sides of the call see it. */
export type Caption = z.infer<typeof Caption>;

/** Names the call whose caption sources a screen asks for. */
export const CaptionCallRef = z.object({ callId: Id });
/** Names the call whose caption sources a screen asks for. */
export type CaptionCallRef = z.infer<typeof CaptionCallRef>;

/**
 * Why captions from a provider stopped: the browser has no recognition (`unsupported`), its
 * vendor service cannot be reached (`network`, what Chromium without the vendor's keys answers),
 * the microphone was refused (`not_allowed`), or the recogniser failed or took too long.
 */
export const CaptionTrouble = z.enum([
  'unsupported',
  'network',
  'not_allowed',
  'failed',
  'timeout',
]);
/** Why captions from a provider stopped. */
export type CaptionTrouble = z.infer<typeof CaptionTrouble>;

/** One side reports that captions from one of its providers are unavailable. */
export const ReportCaptionTrouble = z.object({
  callId: Id,
  provider: CaptionProvider,
  trouble: CaptionTrouble,
});
/** One side reports that captions from one of its providers are unavailable. */
export type ReportCaptionTrouble = z.infer<typeof ReportCaptionTrouble>;

/** Told to both sides: captions of `from`'s speech by `provider` are unavailable; the call goes on. */
export const CaptionStatus = z.object({
  callId: Id,
  from: ChatAuthor,
  provider: CaptionProvider,
  trouble: CaptionTrouble,
  at: EpochMs,
});
/** Told to both sides: captions from a provider are unavailable. */
export type CaptionStatus = z.infer<typeof CaptionStatus>;

/**
 * The caption providers the office's configuration offers for a call, in its order, and what
 * either side has reported unavailable in it so far: a screen that opens its captions after the
 * other side reported learns of it too.
 */
export const CaptionSources = z.object({
  providers: z.array(CaptionProvider),
  troubles: z.array(CaptionStatus),
});
/** The caption providers the office offers, and the troubles reported in the call so far. */
export type CaptionSources = z.infer<typeof CaptionSources>;

/** Speech for the office's recogniser is 16 kHz mono 16-bit PCM, what Whisper listens to. */
export const SPEECH_SAMPLE_RATE = 16_000;
/** The most audio one `caption:audio` piece holds: a second. */
export const SPEECH_PIECE_MAX_BYTES = SPEECH_SAMPLE_RATE * 2;
/** The longest utterance sent for recognition; a longer one is cut and sent at this length. */
export const SPEECH_UTTERANCE_MAX_MS = 15_000;
/** The silence after speech that ends an utterance. */
export const SPEECH_END_SILENCE_MS = 600;

/**
 * A piece of one side's speech for the office's recogniser, sent as it is spoken so that only the
 * last piece is left to travel when the speaker stops: piece `seq` of utterance `utterance`, in
 * the call's `language`, the last one when `last`. Heard only by the recogniser, never stored.
 */
export const SendSpeech = z.object({
  callId: Id,
  language: Language,
  utterance: z.number().int().min(0),
  seq: z
    .number()
    .int()
    .min(0)
    .max(Math.ceil(SPEECH_UTTERANCE_MAX_MS / 1000)),
  last: z.boolean(),
  pcm: z
    .instanceof(Uint8Array)
    .refine((pcm) => pcm.byteLength <= SPEECH_PIECE_MAX_BYTES, 'at most a second of audio')
    .refine((pcm) => pcm.byteLength % 2 === 0, '16-bit samples'),
});
/** A piece of one side's speech for the office's recogniser. */
export type SendSpeech = z.infer<typeof SendSpeech>;

/** The language tag speech recognition listens for in a call held in `language`. */
export const recognitionLanguage = (language: Language): string =>
  language === 'id' ? 'id-ID' : 'en-US';
