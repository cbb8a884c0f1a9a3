import { SIGN_LANGUAGE_VIDEO } from './sign-language-video.js';

/**
 * Bits a signing picture needs per pixel and frame to stay readable in motion. Below it the
 * encoder's rate control starts dropping frames — the one thing signing cannot spare — so the
 * picture is made smaller first.
 */
const BITS_PER_PIXEL_FRAME = 0.04;

/** The pictures a signing camera may send, from 720p down; below the last, 240p. */
const SCALES = [1, 4 / 3, 1.5, 2] as const;
const SMALLEST = 3;

/** How often a signing sender's bit rate is looked at. */
export const SIGNING_RESOLUTION_INTERVAL_MS = 2000;

/**
 * The least down-scaling of the camera's `width`×`height` picture at which `bps` carries the
 * signing frame rate; the smallest picture when even that is too much for the link.
 */
export function signingScale(bps: number, width: number, height: number): number {
  const { frameRate } = SIGN_LANGUAGE_VIDEO;
  for (const scale of SCALES) {
    const pixels = (width / scale) * (height / scale);
    if (pixels * frameRate * BITS_PER_PIXEL_FRAME <= bps) return scale;
  }
  return SMALLEST;
}

/**
 * The scale to send at next: a smaller picture at once when the link narrows, a larger one only
 * as large as both of the last two looks allowed, so a passing burst does not make it pump.
 */
export function nextSigningScale(current: number, wanted: number, previousWanted: number): number {
  if (wanted >= current) return wanted;
  return Math.min(current, Math.max(wanted, previousWanted));
}

/** The bit rate a sender can use: its own ceiling, or the link's estimate when that is lower. */
async function usableBitrate(pc: RTCPeerConnection, ceiling: number | undefined): Promise<number> {
  let available = Infinity;
  (await pc.getStats()).forEach((entry: { type: string; availableOutgoingBitrate?: number }) => {
    if (entry.type === 'candidate-pair' && entry.availableOutgoingBitrate) {
      available = Math.min(available, entry.availableOutgoingBitrate);
    }
  });
  return Math.min(available, ceiling ?? Infinity);
}

/**
 * Keeps a signing sender's picture as large as its bit rate carries at the signing frame rate,
 * looking every two seconds, until the returned function is called. The browser's own
 * frame-rate-first adaptation reacts to the encoder's quantiser and is slow to give up 720p on a
 * narrow link, dropping frames meanwhile.
 */
export function holdSigningFrameRate(pc: RTCPeerConnection, sender: RTCRtpSender): () => void {
  let previousWanted = 1;
  let busy = false;
  const look = async () => {
    const { track } = sender;
    if (busy || pc.connectionState !== 'connected' || !track) return;
    busy = true;
    try {
      const parameters = sender.getParameters();
      const encoding = parameters.encodings[0];
      const { width, height } = track.getSettings();
      if (!encoding || !width || !height) return;
      const wanted = signingScale(await usableBitrate(pc, encoding.maxBitrate), width, height);
      const current = encoding.scaleResolutionDownBy ?? 1;
      const next = nextSigningScale(current, wanted, previousWanted);
      previousWanted = wanted;
      if (next === current) return;
      encoding.scaleResolutionDownBy = next;
      await sender.setParameters(parameters);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(
    () => void look().catch(() => undefined),
    SIGNING_RESOLUTION_INTERVAL_MS,
  );
  return () => clearInterval(timer);
}
