import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openChildStore, type ChildStore } from './support/history-store.js';
import {
  runServerProcess,
  startServerProcess,
  type ServerProcess,
} from './support/server-process.js';
import { testDialect } from './test-database.js';

// src/main.ts run as a real process (from source, through tsx, so no build is needed): how it
// starts, stops and fails.

/** Fails on SIGUSR2, as a bug in the server would: a rejection or an exception nobody handles. */
const FAILURE_PROBE = `data:text/javascript,${encodeURIComponent(`
  process.on('SIGUSR2', () => {
    const error = new Error('probe failure');
    if (process.env.LOKET_PROBE === 'throw') setImmediate(() => { throw error; });
    else void Promise.reject(error);
  });
`)}`;

/**
 * Notes in LOKET_PROBE_FILE every package module the process resolves, through a loader hook
 * (static and dynamic imports alike), separated by spaces.
 */
const LOAD_PROBE = `data:text/javascript,${encodeURIComponent(`
  import { register } from 'node:module';
  register('data:text/javascript,' + encodeURIComponent(\`
    import fs from 'node:fs';
    export async function resolve(specifier, context, next) {
      const resolved = await next(specifier, context);
      if (resolved.url.includes('/node_modules/')) {
        fs.appendFileSync(process.env.LOKET_PROBE_FILE, resolved.url + ' ');
      }
      return resolved;
    }
  \`));
`)}`;

/** A stack frame as Node prints it. */
const STACK_FRAME = /^\s+at /m;

let store: ChildStore | undefined;
let server: ServerProcess | undefined;
afterEach(async () => {
  await server?.stop();
  await store?.dispose();
  server = undefined;
  store = undefined;
});

/** The JSON lines pino printed. */
const logLines = (output: string) =>
  output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { level: number; msg: string; err?: { message: string } });

describe(`the server process on ${testDialect}`, () => {
  test('stops on SIGTERM with exit code 0, after logging that it stopped', async () => {
    store = await openChildStore(testDialect);
    server = await startServerProcess({ ...store.env, DEMO_DATA: 'false', LOG_LEVEL: 'info' });
    expect(await server.stop()).toEqual({ code: 0, signal: null });
    const messages = logLines(server.output()).map((line) => line.msg);
    expect(messages).toContain('shutting down');
    expect(messages.at(-1)).toBe('stopped');
  });

  test('with demo data and its output collected, prints no demo password', async () => {
    store = await openChildStore(testDialect);
    server = await startServerProcess({ ...store.env, DEMO_DATA: 'true', LOG_LEVEL: 'info' });
    const file = path.join(
      testDialect === 'sqlite' ? path.dirname(store.env.SQLITE_PATH!) : store.env.DATA_DIR!,
      'demo-credentials.json',
    );
    const demo = JSON.parse(fs.readFileSync(file, 'utf8')) as { users: { password: string }[] };
    await server.stop();
    expect(server.output()).toContain('demo-credentials.json');
    for (const user of demo.users) expect(server.output()).not.toContain(user.password);
  });

  test('holds in memory only the drivers its settings use: no Redis or LiveKit SDK, PostgreSQL only on PostgreSQL', async () => {
    store = await openChildStore(testDialect);
    const loaded = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'loket-loaded-')), 'urls');
    fs.writeFileSync(loaded, '');
    server = await startServerProcess(
      { ...store.env, DEMO_DATA: 'false', LOKET_PROBE_FILE: loaded },
      { nodeArgs: ['--import', LOAD_PROBE] },
    );
    await server.stop();
    const packages = new Set(
      fs
        .readFileSync(loaded, 'utf8')
        .split(' ')
        .map((url) => /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(url)?.[1])
        .filter((name) => name !== undefined),
    );
    expect(packages).toContain('socket.io');
    expect(packages).not.toContain('redis');
    expect(packages).not.toContain('@socket.io/redis-streams-adapter');
    expect(packages).not.toContain('livekit-server-sdk');
    expect(packages.has('pg')).toBe(testDialect === 'postgres');
  });

  test.each([
    ['unhandled rejection', 'reject'],
    ['uncaught exception', 'throw'],
  ])('an %s is logged as fatal, then the process exits 1', async (kind, probe) => {
    store = await openChildStore(testDialect);
    server = await startServerProcess(
      { ...store.env, DEMO_DATA: 'false', LOG_LEVEL: 'info', LOKET_PROBE: probe },
      { nodeArgs: ['--import', FAILURE_PROBE] },
    );
    server.child().kill('SIGUSR2');
    expect(await server.exited()).toEqual({ code: 1, signal: null });
    expect(logLines(server.output()).at(-1)).toMatchObject({
      level: 60,
      msg: kind,
      err: { message: 'probe failure' },
    });
  });
});

describe('a bad setting', () => {
  test('makes the process exit 2 with a message naming the variable, and no stack trace', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-bad-config-'));
    try {
      const run = await runServerProcess({ DATA_DIR: dir, PORT: 'notaport' });
      expect(run.exit).toEqual({ code: 2, signal: null });
      expect(run.stderr).toMatch(/^\s*PORT: /m);
      // The message alone: neither the error's name nor its stack.
      expect(run.stderr).not.toContain('ConfigError');
      expect(run.stderr).not.toMatch(STACK_FRAME);
      expect(run.stdout).toBe('');
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
