import {
  SPEECH_END_SILENCE_MS,
  SPEECH_PIECE_MAX_BYTES,
  SPEECH_SAMPLE_RATE,
  SPEECH_UTTERANCE_MAX_MS,
} from '../domain/captions.js';

/** A piece of an utterance as `caption:audio` carries it, without the call it belongs to. */
export interface SpeechPiece {
  utterance: number;
  seq: number;
  last: boolean;
  /** 16 kHz mono 16-bit little-endian samples. */
  pcm: Uint8Array<ArrayBuffer>;
}

/** The stretch of audio whose loudness decides whether someone speaks: 20 ms. */
export const FRAME_SAMPLES = SPEECH_SAMPLE_RATE / 50;
const FRAME_MS = 20;
/** Audio kept from before speech starts, so that its first sound is not cut off. */
const PRE_ROLL_FRAMES = 10;
/** Loud frames in a row that count as speech rather than a knock or a click. */
const ONSET_FRAMES = 3;
/** Quieter than this (RMS of full scale) is never speech, however quiet the room. */
const MIN_SPEECH_RMS = 0.01;
const PIECE_SAMPLES = SPEECH_PIECE_MAX_BYTES / 2;
const UTTERANCE_MAX_SAMPLES = (SPEECH_SAMPLE_RATE * SPEECH_UTTERANCE_MAX_MS) / 1000;

/**
 * Cuts a microphone's 16 kHz samples into utterances by their loudness: speech starts when a few
 * frames in a row stand out from the room's noise, and ends after {@link SPEECH_END_SILENCE_MS}
 * of quiet or at {@link SPEECH_UTTERANCE_MAX_MS}. Each utterance is handed on in pieces of a
 * second while it is spoken, so that only the last piece is left to send when the speaker stops.
 */
export class UtteranceSegmenter {
  private pending = new Float32Array(0);
  private preRoll: Float32Array[] = [];
  private loudRun = 0;
  private noise = MIN_SPEECH_RMS / 4;
  private speaking = false;
  private utterance = -1;
  private seq = 0;
  private unsent: Float32Array[] = [];
  private unsentSamples = 0;
  private samples = 0;
  private quietMs = 0;

  constructor(private readonly send: (piece: SpeechPiece) => void) {}

  /** Takes the next samples, at 16 kHz, in [-1, 1]. */
  push(samples: Float32Array): void {
    const all = new Float32Array(this.pending.length + samples.length);
    all.set(this.pending);
    all.set(samples, this.pending.length);
    let at = 0;
    for (; at + FRAME_SAMPLES <= all.length; at += FRAME_SAMPLES) {
      this.frame(all.slice(at, at + FRAME_SAMPLES));
    }
    this.pending = all.slice(at);
  }

  /** Sends what is left of an utterance under way, as its last piece. */
  flush(): void {
    if (this.speaking) this.end();
  }

  private frame(frame: Float32Array): void {
    const rms = Math.sqrt(frame.reduce((sum, x) => sum + x * x, 0) / frame.length);
    const loud = rms > Math.max(MIN_SPEECH_RMS, this.noise * 3);
    if (!this.speaking) {
      // The room's noise is learnt only while nobody speaks, slowly, so speech cannot raise it.
      if (!loud) this.noise = this.noise * 0.95 + rms * 0.05;
      this.loudRun = loud ? this.loudRun + 1 : 0;
      this.preRoll.push(frame);
      if (this.preRoll.length > PRE_ROLL_FRAMES) this.preRoll.shift();
      if (this.loudRun < ONSET_FRAMES) return;
      this.start();
      return;
    }
    this.quietMs = loud ? 0 : this.quietMs + FRAME_MS;
    this.keep(frame);
    if (this.quietMs >= SPEECH_END_SILENCE_MS || this.samples >= UTTERANCE_MAX_SAMPLES) this.end();
  }

  private start(): void {
    this.speaking = true;
    this.utterance += 1;
    this.seq = 0;
    this.samples = 0;
    this.quietMs = 0;
    for (const frame of this.preRoll) this.keep(frame);
    this.preRoll = [];
    this.loudRun = 0;
  }

  private keep(frame: Float32Array): void {
    this.unsent.push(frame);
    this.unsentSamples += frame.length;
    this.samples += frame.length;
    if (this.unsentSamples >= PIECE_SAMPLES && this.samples < UTTERANCE_MAX_SAMPLES) {
      this.sendPiece(false);
    }
  }

  private end(): void {
    this.speaking = false;
    this.sendPiece(true);
  }

  private sendPiece(last: boolean): void {
    const pcm = new Uint8Array(this.unsentSamples * 2);
    const view = new DataView(pcm.buffer);
    let at = 0;
    for (const frame of this.unsent) {
      for (const sample of frame) {
        const clipped = Math.max(-1, Math.min(1, sample));
        view.setInt16(at, Math.round(clipped * 0x7fff), true);
        at += 2;
      }
    }
    this.unsent = [];
    this.unsentSamples = 0;
    this.send({ utterance: this.utterance, seq: this.seq, last, pcm });
    this.seq += 1;
  }
}
