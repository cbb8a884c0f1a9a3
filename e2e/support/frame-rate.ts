import type { Page } from '@playwright/test';

/** What a signing call's receiver got, second by second, while the sender was capped. */
export interface FrameRateFigures {
  /** The cap put on the sender's video, in bit/s. */
  capBps: number;
  /** Frames decoded in each second measured. */
  perSecond: number[];
  p5: number;
  median: number;
  /** The video bit rate that arrived, averaged over the measurement, in bit/s. */
  receivedBps: number;
  /** The last frame size decoded: resolution gives way so the frame rate holds. */
  frame: { width: number; height: number };
}

/** The `q` quantile (0…1) of some values, by the nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

/**
 * Caps the video a page sends on its peer connections (recorded by `recordPeerConnections`) at
 * `capBps`, once the call has set the sender up (a sign-language sender first asks for its own
 * ceiling; capping before that would be undone).
 */
export async function capVideoSender(page: Page, capBps: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const capped = await page.evaluate(async (cap) => {
      const pcs =
        (window as unknown as { __peerConnections?: RTCPeerConnection[] }).__peerConnections ?? [];
      for (const pc of pcs) {
        if (pc.connectionState !== 'connected') continue;
        const sender = pc.getSenders().find((s) => s.track?.kind === 'video');
        const parameters = sender?.getParameters();
        const encoding = parameters?.encodings[0];
        // The call's own ceiling is in place: ours replaces it for good.
        if (!sender || !parameters || !encoding?.maxBitrate) continue;
        encoding.maxBitrate = cap;
        await sender.setParameters(parameters);
        return true;
      }
      return false;
    }, capBps);
    if (capped) return;
    if (Date.now() > deadline) throw new Error('no connected video sender to cap');
    await page.waitForTimeout(250);
  }
}

/** Decoded frames, received video bytes and frame size on the page's inbound video, summed. */
function inboundVideo(page: Page) {
  return page.evaluate(async () => {
    const pcs =
      (window as unknown as { __peerConnections?: RTCPeerConnection[] }).__peerConnections ?? [];
    const sum = { frames: 0, bytes: 0, width: 0, height: 0, at: performance.now() };
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((report: Record<string, unknown>) => {
        if (report.type !== 'inbound-rtp' || report.kind !== 'video') return;
        sum.frames += Number(report.framesDecoded ?? 0);
        sum.bytes += Number(report.bytesReceived ?? 0);
        sum.width = Number(report.frameWidth ?? sum.width);
        sum.height = Number(report.frameHeight ?? sum.height);
      });
    }
    return sum;
  });
}

/**
 * The frame rate a page receives, each second for `seconds` seconds after `settleMs` for the
 * sender to adapt to a cap: the figures a sign-language call is judged by (EN 301 549: ≥ 20 fps).
 */
export async function measureReceivedFrameRate(
  receiver: Page,
  capBps: number,
  { seconds = 20, settleMs = 5000 } = {},
): Promise<FrameRateFigures> {
  await receiver.waitForTimeout(settleMs);
  const first = await inboundVideo(receiver);
  let previous = first;
  const perSecond: number[] = [];
  for (let i = 0; i < seconds; i++) {
    await receiver.waitForTimeout(1000);
    const now = await inboundVideo(receiver);
    perSecond.push(((now.frames - previous.frames) * 1000) / (now.at - previous.at));
    previous = now;
  }
  return {
    capBps,
    perSecond: perSecond.map((fps) => Math.round(fps * 10) / 10),
    p5: Math.round(quantile(perSecond, 0.05) * 10) / 10,
    median: Math.round(quantile(perSecond, 0.5) * 10) / 10,
    receivedBps: Math.round(((previous.bytes - first.bytes) * 8 * 1000) / (previous.at - first.at)),
    frame: { width: previous.width, height: previous.height },
  };
}
