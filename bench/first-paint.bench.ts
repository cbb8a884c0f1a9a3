// First-paint benchmark: Lighthouse (its default mobile preset: simulated slow 4G and a slower
// CPU) against a paired kiosk's page on the built server, a few runs, medians. Prints them and
// writes bench-results/first-paint.json. BENCH_KIOSK_DIST measures another build of the kiosk.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { freePort } from '../e2e/support/free-port.js';
import { pairingLink } from '../e2e/support/kiosk-pairing.js';
import { measureFirstRoute } from '../scripts/first-route-size.js';
import { startBuiltServer } from './support/built-server.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
if (!Number.isInteger(RUNS) || RUNS < 1) {
  throw new Error(`BENCH_RUNS must be a whole number of at least 1 (got ${RUNS})`);
}
const KIOSK_DIST = path.resolve(process.env.BENCH_KIOSK_DIST ?? 'kiosk/dist');
const CHROME_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(CHROME_PATH)) {
  throw new Error(
    `no Chromium at ${CHROME_PATH}: apt-get install -y chromium, or set CHROMIUM_PATH`,
  );
}
const DATA = path.resolve('test-output/bench-first-paint-data');
const PORT = await freePort();
const BASE = `http://127.0.0.1:${PORT}`;

/** What every process this benchmark started; each is stopped on the way out, failed or not. */
const started: { server?: ChildProcess; chrome?: LaunchedChrome } = {};

function stopAll(): void {
  started.chrome?.kill();
  started.server?.kill('SIGTERM');
}
// Also on a crash: chrome-launcher reports a browser that cannot start as an uncaught error.
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

async function startServer(): Promise<ChildProcess> {
  const server = await startBuiltServer(PORT, DATA, { KIOSK_DIST });
  started.server = server;
  return server;
}

/**
 * Pairs the kiosk in this browser (the credential stays in its local storage, as on a real
 * kiosk) and empties its HTTP cache, so Lighthouse measures a paired kiosk loading cold.
 */
async function pairKiosk(port: number): Promise<void> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = browser.contexts()[0]!;
    const page = await context.newPage();
    await page.goto(`${BASE}${pairingLink(DATA)}`);
    await page.getByRole('button', { name: 'Sentuh untuk mulai' }).waitFor();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await page.close();
  } finally {
    await browser.close();
  }
}

interface Run {
  performance: number;
  lcp_ms: number;
  cls: number;
  /** Printed beside each run, to tell a later first paint from a later attract screen. */
  fcp_ms: number;
}

async function measureOnce(): Promise<Run> {
  const chrome = await launch({
    chromePath: CHROME_PATH,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  started.chrome = chrome;
  try {
    await pairKiosk(chrome.port);
    const result = await lighthouse(`${BASE}/kiosk/`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      // Resetting storage would forget the kiosk's credential and measure the pairing screen.
      disableStorageReset: true,
    });
    if (!result) throw new Error('Lighthouse gave no result');
    const { categories, audits, runtimeError } = result.lhr;
    if (runtimeError) throw new Error(`Lighthouse: ${runtimeError.code} ${runtimeError.message}`);
    // Which element was the largest paint, and which part of the load it waited for.
    const lcpElement = audits['largest-contentful-paint-element']?.details;
    process.stdout.write(`  largest paint: ${JSON.stringify(lcpElement).slice(0, 1200)}\n`);
    return {
      performance: Math.round((categories.performance?.score ?? 0) * 100),
      lcp_ms: Math.round(audits['largest-contentful-paint']?.numericValue ?? NaN),
      cls: Number((audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3)),
      fcp_ms: Math.round(audits['first-contentful-paint']?.numericValue ?? NaN),
    };
  } finally {
    chrome.kill();
    delete started.chrome;
  }
}

/** How often one run is tried: a shared machine now and then stalls a page past Lighthouse's patience. */
const ATTEMPTS = 3;

async function measureWithRetries(name: string): Promise<Run> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await measureOnce();
    } catch (error) {
      if (attempt === ATTEMPTS) throw error;
      process.stdout.write(`${name}: attempt ${attempt} failed (${String(error)}), trying again\n`);
    }
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

try {
  await startServer();
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await measureWithRetries(`run ${i + 1}/${RUNS}`);
    process.stdout.write(`run ${i + 1}/${RUNS}: ${JSON.stringify(run)}\n`);
    runs.push(run);
  }
  const result = {
    performance: median(runs.map((run) => run.performance)),
    lcp_ms: median(runs.map((run) => run.lcp_ms)),
    cls: median(runs.map((run) => run.cls)),
    first_route_gzip_bytes: measureFirstRoute(KIOSK_DIST).gzipBytes,
  };
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync('bench-results/first-paint.json', `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`\nkiosk first paint, median of ${RUNS} Lighthouse runs (mobile):\n`);
  for (const [key, value] of Object.entries(result)) {
    process.stdout.write(`  ${key.padEnd(24)} ${value}\n`);
  }
} finally {
  stopAll();
}
