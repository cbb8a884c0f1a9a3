import { chromium, type Browser, type BrowserServer, type LaunchOptions } from '@playwright/test';

/** Debian's Chromium, unless CHROMIUM_PATH points elsewhere. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FAKE_DEVICE = '--use-fake-device-for-media-stream';

/**
 * What a WebRTC call in headless Chromium needs on a machine whose only network is loopback: fake
 * camera and microphone without a prompt, loopback ICE candidates, and no background traffic to
 * hosts that cannot be reached.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  FAKE_DEVICE,
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
  '--autoplay-policy=no-user-gesture-required',
];

/** What a test may change about the browser. */
export interface ChromiumOptions {
  /** Settings of the fake camera, as `--use-fake-device-for-media-stream=<these>` takes them. */
  fakeDevice?: string;
  /** A machine with no camera, microphone or speaker at all: the fake devices are left out. */
  noDevices?: boolean;
  /** A WAV file (absolute path) the fake microphone plays, over and over, instead of a beep. */
  fakeAudio?: string;
}

/**
 * How every browser of the tests and benchmarks is launched: the Playwright config's
 * `launchOptions`, and what `launchChromium` and `launchChromiumServer` pass.
 */
export function chromiumLaunchOptions({
  fakeDevice,
  noDevices = false,
  fakeAudio,
}: ChromiumOptions = {}): LaunchOptions {
  return {
    executablePath: CHROMIUM_PATH,
    args: [
      ...CHROMIUM_ARGS.filter((arg) => !(noDevices && arg === FAKE_DEVICE)).map((arg) =>
        arg === FAKE_DEVICE && fakeDevice ? `${arg}=${fakeDevice}` : arg,
      ),
      ...(fakeAudio ? [`--use-file-for-fake-audio-capture=${fakeAudio}`] : []),
    ],
  };
}

/** A browser outside Playwright's test runner, e.g. for a benchmark. */
export function launchChromium(options?: ChromiumOptions): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions(options));
}

/**
 * A browser in a process of its own that a test can reach (`server.process()`), e.g. to freeze
 * it; connect to it with `chromium.connect(server.wsEndpoint())`.
 */
export function launchChromiumServer(options?: ChromiumOptions): Promise<BrowserServer> {
  return chromium.launchServer(chromiumLaunchOptions(options));
}
