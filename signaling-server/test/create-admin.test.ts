import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SessionResponse } from '@loket/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openChildStore, type ChildStore } from './support/history-store.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';
import { testDialect } from './test-database.js';

const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PASSWORD = 'a long admin passphrase';
const ARGS = ['--username', 'admin', '--name', 'Nama Admin', '--office', 'Kantor Pusat'];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the first-administrator command as an operator would, in its own process. */
function createAdmin(env: Record<string, string>, args = ARGS): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/create-admin.ts', ...args], {
      cwd: SERVER_DIR,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function signIn(server: ServerProcess, username: string, password: string) {
  return fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

describe('the first administrator of a production install', () => {
  let store: ChildStore;
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    store = await openChildStore(testDialect);
  });
  afterAll(async () => {
    await server?.stop();
    await store?.dispose();
  });

  test('is created by the command and signs in to a server without demo data', async () => {
    const run = await createAdmin({ ...store.env, LOKET_ADMIN_PASSWORD: PASSWORD });
    expect(run.stderr).toBe('');
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toContain('Administrator admin created');

    server = await startServerProcess({ ...store.env, NODE_ENV: 'production' });
    const response = await signIn(server, 'admin', PASSWORD);
    expect(response.status).toBe(200);
    const { user } = SessionResponse.parse(await response.json());
    expect(user).toMatchObject({ username: 'admin', displayName: 'Nama Admin', role: 'admin' });
    expect((await signIn(server, 'admin', 'not the passphrase')).status).toBe(401);
    expect((await signIn(server, 'petugas1', PASSWORD)).status).toBe(401);
  });

  test('is not created twice', async () => {
    const run = await createAdmin({ ...store.env, LOKET_ADMIN_PASSWORD: PASSWORD });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('User admin already exists.');
    const offices = await store.db.selectFrom('offices').select('id').execute();
    expect(offices).toHaveLength(1);
  });

  test('refuses a short password and a missing name, creating nothing', async () => {
    const short = await createAdmin({ ...store.env, LOKET_ADMIN_PASSWORD: 'short' }, [
      '--username',
      'second',
      '--name',
      'Kedua',
      '--office',
      'Kantor Dua',
    ]);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('at least 12 characters');
    const missing = await createAdmin({ ...store.env, LOKET_ADMIN_PASSWORD: PASSWORD }, [
      '--username',
      'third',
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('usage: create-admin');
    const users = await store.db.selectFrom('users').select('username').execute();
    expect(users.map((row) => row.username)).toEqual(['admin']);
  });
});
