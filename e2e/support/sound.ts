import type { BrowserContext, Page } from '@playwright/test';

/** What `recordSound` keeps in the page. */
interface SoundLog {
  /** Date.now() of each 20 ms sample at which a signal reached the speakers. */
  audibleAt: number[];
}

/** A sample louder than this (full scale is 1) counts as heard: the ringer plays at 0.2. */
const AUDIBLE = 0.01;

/**
 * Listens to what this context's pages send to the speakers through Web Audio (the console's
 * ringer plays oscillator tones there): everything connected to an AudioContext's destination is
 * also fed to an analyser, sampled every 20 ms, and the moments it carries sound are logged. A
 * suspended context (no user gesture) or a tone that is never started is silence here too.
 */
export async function recordSound(context: BrowserContext): Promise<void> {
  await context.addInitScript((threshold: number) => {
    const log: SoundLog = { audibleAt: [] };
    (window as unknown as { __sound: SoundLog }).__sound = log;
    const analysers = new WeakMap<BaseAudioContext, AnalyserNode>();
    const connect = AudioNode.prototype.connect as (
      this: AudioNode,
      target: AudioNode | AudioParam,
      ...rest: number[]
    ) => AudioNode | void;
    const tap = (ctx: BaseAudioContext): AnalyserNode => {
      let analyser = analysers.get(ctx);
      if (analyser) return analyser;
      analyser = ctx.createAnalyser();
      analyser.fftSize = 2048;
      analysers.set(ctx, analyser);
      const samples = new Float32Array(analyser.fftSize);
      const listening = analyser;
      setInterval(() => {
        listening.getFloatTimeDomainData(samples);
        let peak = 0;
        for (const sample of samples) peak = Math.max(peak, Math.abs(sample));
        if (peak > threshold) log.audibleAt.push(Date.now());
      }, 20);
      return analyser;
    };
    AudioNode.prototype.connect = function (
      this: AudioNode,
      target: AudioNode | AudioParam,
      ...rest: number[]
    ) {
      if (target instanceof AudioDestinationNode) connect.call(this, tap(this.context));
      return connect.call(this, target, ...rest);
    } as typeof AudioNode.prototype.connect;
  }, AUDIBLE);
}

/** The moments (Date.now() in the page) at which the page's speakers carried sound. */
export async function soundHeardAt(page: Page): Promise<number[]> {
  return page.evaluate(
    () => (window as unknown as { __sound?: SoundLog }).__sound?.audibleAt.slice() ?? [],
  );
}
