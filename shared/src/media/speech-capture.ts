import { SPEECH_SAMPLE_RATE } from '../domain/captions.js';
import { UtteranceSegmenter, type SpeechPiece } from './utterances.js';

/** Samples the audio graph hands over at a time: about a tenth of a second at 44.1–48 kHz. */
const BLOCK = 4096;

/**
 * Brings `from`-rate samples down to 16 kHz by averaging each output sample's span, which also
 * keeps what lies above 8 kHz from folding back into the speech.
 */
export function downsample(samples: Float32Array, from: number): Float32Array {
  if (from === SPEECH_SAMPLE_RATE) return samples;
  const ratio = from / SPEECH_SAMPLE_RATE;
  const out = new Float32Array(Math.floor(samples.length / ratio));
  for (let i = 0; i < out.length; i += 1) {
    const start = Math.floor(i * ratio);
    const end = Math.min(samples.length, Math.floor((i + 1) * ratio));
    let sum = 0;
    for (let j = start; j < end; j += 1) sum += samples[j]!;
    out[i] = sum / Math.max(1, end - start);
  }
  return out;
}

/**
 * Listens to the call's own microphone `track` (the one the call sends, so a muted microphone is
 * silent here too) and hands on each utterance in pieces for the office's recogniser. Returns the
 * function that stops listening; an utterance under way is sent as it stands.
 */
export function captureSpeech(
  track: MediaStreamTrack,
  send: (piece: SpeechPiece) => void,
): () => void {
  const context = new AudioContext();
  const source = context.createMediaStreamSource(new MediaStream([track]));
  // A ScriptProcessor rather than a worklet: it needs no module of its own to fetch, and speech
  // detection on 20 ms frames does not need the audio thread's timing.
  const processor = context.createScriptProcessor(BLOCK, 1, 1);
  const segmenter = new UtteranceSegmenter(send);
  // Chunks that do not divide evenly carry their remainder over, so no sample is lost.
  let carry = new Float32Array(0);
  processor.onaudioprocess = (event) => {
    const input = event.inputBuffer.getChannelData(0);
    const all = new Float32Array(carry.length + input.length);
    all.set(carry);
    all.set(input, carry.length);
    const ratio = context.sampleRate / SPEECH_SAMPLE_RATE;
    const usable = Math.floor(Math.floor(all.length / ratio) * ratio);
    segmenter.push(downsample(all.subarray(0, usable), context.sampleRate));
    carry = all.slice(usable);
  };
  source.connect(processor);
  // The processor runs only while connected to the output; it writes silence there.
  processor.connect(context.destination);
  return () => {
    processor.onaudioprocess = null;
    source.disconnect();
    processor.disconnect();
    segmenter.flush();
    void context.close();
  };
}
