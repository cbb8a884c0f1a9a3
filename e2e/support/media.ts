import type { BrowserContext, Page } from '@playwright/test';

/**
 * Records every RTCPeerConnection a page makes, so the test can read its statistics as a person
 * would read the picture: by what actually arrived.
 */
export async function recordPeerConnections(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Native = window.RTCPeerConnection;
    const seen: RTCPeerConnection[] = [];
    (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections = seen;
    window.RTCPeerConnection = class extends Native {
      constructor(config?: RTCConfiguration) {
        super(config);
        seen.push(this);
      }
    } as typeof RTCPeerConnection;
  });
}

/**
 * Makes this context's camera a solid magenta picture (with the fake microphone), so the other
 * side can prove the frames it shows came from this party and not from its own fake camera.
 */
export function paintCameraMagenta(context: BrowserContext): Promise<void> {
  return paintCameras(context, [[255, 0, 255]]);
}

/**
 * Paints each of this context's cameras a solid colour of its own, in the order the browser lists
 * them (the microphones stay the fake ones), so the other side can tell which camera it is shown.
 * A painted track reports the camera it stands for, as a real one does.
 */
export async function paintCameras(
  context: BrowserContext,
  colours: [number, number, number][],
): Promise<void> {
  await context.addInitScript((palette) => {
    const devices = navigator.mediaDevices;
    // A document without media devices (the blank page a new page starts on) has nothing to paint.
    if (!devices) return;
    const original = devices.getUserMedia.bind(devices);
    const wantedCamera = (video: MediaStreamConstraints['video']): string | undefined => {
      const wanted = typeof video === 'object' ? video.deviceId : undefined;
      if (typeof wanted === 'string') return wanted;
      const exact = (wanted as ConstrainDOMStringParameters | undefined)?.exact;
      return typeof exact === 'string' ? exact : undefined;
    };
    devices.getUserMedia = async (constraints) => {
      const stream = new MediaStream();
      if (constraints?.audio) {
        for (const track of (await original({ audio: constraints.audio })).getAudioTracks())
          stream.addTrack(track);
      }
      if (constraints?.video) {
        const cameras = (await devices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
        const index = Math.max(
          0,
          cameras.findIndex((camera) => camera.deviceId === wantedCamera(constraints.video)),
        );
        const [red, green, blue] = palette[index % palette.length]!;
        const canvas = document.createElement('canvas');
        canvas.width = 640;
        canvas.height = 360;
        const g = canvas.getContext('2d')!;
        let frame = 0;
        setInterval(() => {
          g.fillStyle = `rgb(${red}, ${green}, ${blue})`;
          g.fillRect(0, 0, canvas.width, canvas.height);
          // A moving speck, so every frame differs and the encoder keeps sending.
          g.fillStyle = `rgb(${Math.max(0, red - 5)}, ${green}, ${Math.max(0, blue - 5)})`;
          g.fillRect(frame++ % canvas.width, 0, 4, 4);
        }, 40);
        const [track] = canvas.captureStream(25).getVideoTracks();
        if (track) {
          const settings = track.getSettings.bind(track);
          track.getSettings = () => ({ ...settings(), deviceId: cameras[index]?.deviceId });
          stream.addTrack(track);
        }
      }
      return stream;
    };
  }, colours);
}

/** Frames a page has shown in the video element labelled `label` (0 when there is none). */
export function framesShown(page: Page, label: string): Promise<number> {
  return page.evaluate((name) => {
    // Named by its own label or, in the monitor, by the caption it points at.
    const video = [...document.querySelectorAll('video')].find(
      (v) =>
        v.getAttribute('aria-label') === name ||
        document.getElementById(v.getAttribute('aria-labelledby') ?? '')?.textContent === name,
    );
    return video?.getVideoPlaybackQuality().totalVideoFrames ?? 0;
  }, label);
}

/** Which counter `statTotal` adds up: of the reports of one type, and of one kind if given. */
export interface StatCounter {
  type: 'inbound-rtp' | 'outbound-rtp';
  counter: string;
  kind?: 'audio' | 'video';
}

/** One counter added up over the reports of every open peer connection of the page. */
export function statTotal(page: Page, wanted: StatCounter): Promise<number> {
  return page.evaluate(async ({ type, counter, kind }) => {
    const pcs =
      (window as unknown as { __peerConnections?: RTCPeerConnection[] }).__peerConnections ?? [];
    let total = 0;
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((report: Record<string, unknown>) => {
        if (report.type !== type || (kind && report.kind !== kind)) return;
        total += (report[counter] as number | undefined) ?? 0;
      });
    }
    return total;
  }, wanted);
}

/** Video frames decoded so far on every inbound video stream of the page. */
export function framesDecoded(page: Page): Promise<number> {
  return statTotal(page, { type: 'inbound-rtp', counter: 'framesDecoded', kind: 'video' });
}

/** Video frames the page's encoders have made on any of its open peer connections. */
export function framesEncoded(page: Page): Promise<number> {
  return statTotal(page, { type: 'outbound-rtp', counter: 'framesEncoded' });
}

/** Polls from Node (page.waitForFunction cannot await) until frames are decoded. */
export async function waitForDecodedFrames(page: Page, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frames = await framesDecoded(page);
    if (frames > 0) return frames;
    if (Date.now() > deadline) throw new Error('no video frame decoded');
    await page.waitForTimeout(200);
  }
}

/** The average colour of the middle of a video element, as drawn on a canvas. */
export function videoColour(page: Page, label: string): Promise<[number, number, number]> {
  return page.evaluate((name) => {
    // Named by its own label or, in the monitor, by the caption it points at.
    const video = [...document.querySelectorAll('video')].find(
      (v) =>
        v.getAttribute('aria-label') === name ||
        document.getElementById(v.getAttribute('aria-labelledby') ?? '')?.textContent === name,
    );
    if (!video || video.videoWidth === 0) return [0, 0, 0] as [number, number, number];
    const canvas = document.createElement('canvas');
    canvas.width = 16;
    canvas.height = 16;
    const g = canvas.getContext('2d')!;
    g.drawImage(video, video.videoWidth / 2 - 8, video.videoHeight / 2 - 8, 16, 16, 0, 0, 16, 16);
    const data = g.getImageData(0, 0, 16, 16).data;
    const sum = [0, 0, 0];
    for (let i = 0; i < data.length; i += 4) for (let c = 0; c < 3; c++) sum[c]! += data[i + c]!;
    return sum.map((s) => Math.round(s / 256)) as [number, number, number];
  }, label);
}
