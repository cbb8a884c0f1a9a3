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
  /**
   * The frame rate the sender sent over the same time, when its page was given: below the goal,
   * the camera or a busy machine gave too few frames, not the link.
   */
  sentFps: number | null;
  /**
   * The p5 of the frames the sender's camera gave each second, when its page was given: a busy
   * machine films fewer frames, and no link can deliver what was never filmed.
   */
  cameraP5: number | null;
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
    // Timed by the statistics themselves, not by when this script ran on a busy machine.
    const sum = { frames: 0, bytes: 0, width: 0, height: 0, at: 0 };
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((report: Record<string, unknown>) => {
        if (report.type !== 'inbound-rtp' || report.kind !== 'video') return;
        sum.frames += Number(report.framesDecoded ?? 0);
        sum.bytes += Number(report.bytesReceived ?? 0);
        sum.width = Number(report.frameWidth ?? sum.width);
        sum.height = Number(report.frameHeight ?? sum.height);
        sum.at = Math.max(sum.at, Number(report.timestamp));
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
  {
    seconds = 30,
    settleMs = 5000,
    sender,
  }: { seconds?: number; settleMs?: number; sender?: Page } = {},
): Promise<FrameRateFigures> {
  await receiver.waitForTimeout(settleMs);
  const sentBefore = sender && (await framesSent(sender));
  const first = await inboundVideo(receiver);
  let previous = first;
  let filmed = sentBefore;
  const perSecond: number[] = [];
  const cameraPerSecond: number[] = [];
  for (let i = 0; i < seconds; i++) {
    await receiver.waitForTimeout(1000);
    const now = await inboundVideo(receiver);
    perSecond.push(((now.frames - previous.frames) * 1000) / (now.at - previous.at));
    previous = now;
    if (sender && filmed) {
      const next = await framesSent(sender);
      cameraPerSecond.push(((next.filmed - filmed.filmed) * 1000) / (next.at - filmed.at));
      filmed = next;
    }
  }
  return {
    capBps,
    perSecond: perSecond.map((fps) => Math.round(fps * 10) / 10),
    p5: Math.round(quantile(perSecond, 0.05) * 10) / 10,
    median: Math.round(quantile(perSecond, 0.5) * 10) / 10,
    receivedBps: Math.round(((previous.bytes - first.bytes) * 8 * 1000) / (previous.at - first.at)),
    frame: { width: previous.width, height: previous.height },
    sentFps:
      sender && sentBefore
        ? await framesSent(sender).then(
            (after) =>
              Math.round(
                ((after.frames - sentBefore.frames) * 10_000) / (after.at - sentBefore.at),
              ) / 10,
          )
        : null,
    cameraP5: cameraPerSecond.length ? Math.round(quantile(cameraPerSecond, 0.05) * 10) / 10 : null,
  };
}

/** Video frames the page has filmed and sent so far, with the statistics' time. */
function framesSent(page: Page) {
  return page.evaluate(async () => {
    const pcs =
      (window as unknown as { __peerConnections?: RTCPeerConnection[] }).__peerConnections ?? [];
    const sum = { frames: 0, filmed: 0, at: 0 };
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((report: Record<string, unknown>) => {
        if (report.kind !== 'video') return;
        if (report.type === 'media-source') sum.filmed += Number(report.frames ?? 0);
        if (report.type !== 'outbound-rtp') return;
        sum.frames += Number(report.framesSent ?? 0);
        sum.at = Math.max(sum.at, Number(report.timestamp));
      });
    }
    return sum;
  });
}

/**
 * The figures of a signing call's video under a cap: the visitor's kiosk sends at most `capBps`,
 * and the officer's console receives. Both pages must record their peer connections
 * (`recordPeerConnections`) and be in the call. For tests and the conversation benchmark.
 */
export async function measureSigningFrameRate(
  kiosk: Page,
  officer: Page,
  capBps = 500_000,
): Promise<FrameRateFigures> {
  await capVideoSender(kiosk, capBps);
  return measureReceivedFrameRate(officer, capBps, { sender: kiosk });
}

/** How the page's video sender runs: what it was asked to keep, and what limits it now. */
export function videoSenderState(page: Page) {
  return page.evaluate(async () => {
    const pcs =
      (window as unknown as { __peerConnections?: RTCPeerConnection[] }).__peerConnections ?? [];
    for (const pc of pcs) {
      if (pc.connectionState !== 'connected') continue;
      const sender = pc.getSenders().find((s) => s.track?.kind === 'video');
      if (!sender?.track) continue;
      const parameters = sender.getParameters() as RTCRtpSendParameters & {
        degradationPreference?: string;
      };
      const state = {
        degradationPreference: parameters.degradationPreference ?? 'not reported',
        contentHint: sender.track.contentHint,
        cameraFps: sender.track.getSettings().frameRate ?? 0,
        sentFps: 0,
        limitation: '',
      };
      (await sender.getStats()).forEach((report: Record<string, unknown>) => {
        if (report.type !== 'outbound-rtp') return;
        state.sentFps = Number(report.framesPerSecond ?? 0);
        state.limitation = `${String(report.qualityLimitationReason)} ${JSON.stringify(report.qualityLimitationDurations)}`;
      });
      return state;
    }
    return null;
  });
}
