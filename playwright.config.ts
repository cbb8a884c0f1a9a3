import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/chromium.js';
import { E2E_PORT, e2eServerCommand } from './e2e/support/server.js';

// A run on a port of its own (E2E_PORT) keeps its artifacts and results apart too, so that two
// runs of different specs on one machine do not clean up each other's files.
const RUN_DIR = process.env.E2E_PORT ? `test-output/e2e-run-${E2E_PORT}` : 'test-output';

export default defineConfig({
  testDir: 'e2e',
  outputDir: `${RUN_DIR}/e2e-artifacts`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: `${RUN_DIR}/e2e-results.json` }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    headless: true,
    launchOptions: chromiumLaunchOptions(),
    permissions: ['camera', 'microphone'],
    trace: 'retain-on-failure',
  },
  webServer: {
    command: e2eServerCommand(),
    url: `http://127.0.0.1:${E2E_PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
