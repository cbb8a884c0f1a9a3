import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SPEECH_PIECE_MAX_BYTES, type Language, type SendSpeech } from '@loket/shared';

const speech = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/speech');

/** The samples of a 16 kHz mono 16-bit WAV file: what its `data` chunk holds. */
export function pcmOf(wav: Uint8Array): Uint8Array {
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  let at = 12;
  while (at + 8 <= wav.byteLength) {
    const id = String.fromCharCode(...wav.subarray(at, at + 4));
    const size = view.getUint32(at + 4, true);
    if (id === 'data') return wav.subarray(at + 8, at + 8 + size);
    at += 8 + size + (size % 2);
  }
  throw new Error('no data chunk in the WAV file');
}

/** A recorded sentence (signaling-server/test/fixtures/speech), as samples and what was said. */
export function recordedSpeech(language: Language): { pcm: Uint8Array; said: string } {
  return {
    pcm: pcmOf(new Uint8Array(fs.readFileSync(path.join(speech, `${language}.wav`)))),
    said: fs.readFileSync(path.join(speech, `${language}.txt`), 'utf8').trim(),
  };
}

/** `pcm` as the `caption:audio` pieces a screen sends for utterance `utterance`. */
export function speechPieces(
  callId: string,
  language: Language,
  pcm: Uint8Array,
  utterance = 0,
): SendSpeech[] {
  const pieces: SendSpeech[] = [];
  for (let at = 0; at < pcm.byteLength; at += SPEECH_PIECE_MAX_BYTES) {
    const end = Math.min(pcm.byteLength, at + SPEECH_PIECE_MAX_BYTES);
    pieces.push({
      callId,
      language,
      utterance,
      seq: pieces.length,
      last: end === pcm.byteLength,
      pcm: pcm.slice(at, end),
    });
  }
  return pieces;
}
