/** One tone of the ring: frequency in Hz, start and length in seconds from the ring's start. */
interface Tone {
  frequency: number;
  start: number;
  length: number;
}

/** A short two-tone chirp, played twice per ring. */
const PATTERN: readonly Tone[] = [
  { frequency: 784, start: 0, length: 0.18 },
  { frequency: 988, start: 0.2, length: 0.18 },
  { frequency: 784, start: 0.45, length: 0.18 },
  { frequency: 988, start: 0.65, length: 0.18 },
];
const RING_EVERY_MS = 2500;
const VOLUME = 0.2;

let context: AudioContext | null = null;
let timer: ReturnType<typeof setInterval> | null = null;
const playing = new Set<OscillatorNode>();

function audioContext(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null;
  context ??= new AudioContext();
  if (context.state === 'suspended') context.resume().catch(() => undefined);
  return context;
}

function playTone(ctx: AudioContext, { frequency, start, length }: Tone): void {
  const at = ctx.currentTime + start;
  const oscillator = ctx.createOscillator();
  const gain = ctx.createGain();
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(0, at);
  gain.gain.linearRampToValueAtTime(VOLUME, at + 0.02);
  gain.gain.linearRampToValueAtTime(0, at + length);
  oscillator.connect(gain).connect(ctx.destination);
  oscillator.addEventListener('ended', () => playing.delete(oscillator));
  playing.add(oscillator);
  oscillator.start(at);
  oscillator.stop(at + length);
}

function ring(): void {
  const ctx = audioContext();
  if (ctx) for (const tone of PATTERN) playTone(ctx, tone);
}

/**
 * Creates or resumes the audio context. Call it from a click or key press: browsers only let
 * audio start after a user gesture, and a context made then may ring later without one.
 */
export function primeRinger(): void {
  audioContext();
}

/** Primes the ringer on the first click or key press anywhere; returns the cleanup. */
export function primeRingerOnFirstGesture(): () => void {
  const events = ['pointerdown', 'keydown'] as const;
  const prime = () => {
    primeRinger();
    for (const event of events) window.removeEventListener(event, prime);
  };
  for (const event of events) window.addEventListener(event, prime);
  return () => {
    for (const event of events) window.removeEventListener(event, prime);
  };
}

/** Starts ringing until stopRinging(); calling it while ringing does nothing. */
export function startRinging(): void {
  if (timer) return;
  ring();
  timer = setInterval(ring, RING_EVERY_MS);
}

/** Stops ringing at once, cutting a tone that is playing. */
export function stopRinging(): void {
  if (timer) clearInterval(timer);
  timer = null;
  for (const oscillator of playing) oscillator.stop();
  playing.clear();
}
