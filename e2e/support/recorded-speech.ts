import fs from 'node:fs';
import path from 'node:path';

const SPEECH = path.resolve('signaling-server/test/fixtures/speech');
/** A pause as a visitor makes between sentences: well over the 600 ms that ends an utterance. */
const PAUSE_SECONDS = 1.5;

/**
 * A recorded sentence (signaling-server/test/fixtures/speech, 16 kHz mono 16-bit) followed by a
 * pause, written where a fake microphone can play it over and over (the recording's own silence
 * at its ends is about as long as the end of an utterance, too close to count on); and what was
 * said in it.
 */
export function speechForFakeMicrophone(language: 'id' | 'en'): { wav: string; said: string } {
  const recorded = fs.readFileSync(path.join(SPEECH, `${language}.wav`));
  const dataAt = recorded.indexOf('data') + 8;
  const samples = recorded.subarray(dataAt, dataAt + recorded.readUInt32LE(dataAt - 4));
  const pause = Buffer.alloc(Math.round(PAUSE_SECONDS * 16_000) * 2);
  const header = Buffer.from(recorded.subarray(0, 44));
  header.write('data', 36);
  header.writeUInt32LE(samples.length + pause.length, 40);
  header.writeUInt32LE(36 + samples.length + pause.length, 4);
  const wav = path.resolve(`test-output/fake-microphone-${language}.wav`);
  fs.mkdirSync(path.dirname(wav), { recursive: true });
  fs.writeFileSync(wav, Buffer.concat([header, samples, pause]));
  return { wav, said: fs.readFileSync(path.join(SPEECH, `${language}.txt`), 'utf8').trim() };
}
