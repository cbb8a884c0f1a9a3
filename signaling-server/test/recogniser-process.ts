import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCRIPT = path.join(root, 'scripts/recogniser.sh');
/** Written by `scripts/recogniser.sh install` once the packages and the model check out. */
const INSTALLED = path.join(root, '.recogniser/installed');

/** Why the on-premises recogniser cannot run here, or null when it can. */
export function recogniserMissingReason(): string | null {
  return fs.existsSync(INSTALLED)
    ? null
    : 'the on-premises recogniser is not installed (.recogniser/); run scripts/recogniser.sh install';
}

export interface RecogniserProcess {
  /** `http://127.0.0.1:<port>`, what Loket's RECOGNISER_URL would be. */
  url: string;
  stop(): Promise<void>;
}

/** Starts the installed recogniser on a free port of 127.0.0.1, once its model has loaded. */
export async function startRecogniser(): Promise<RecogniserProcess> {
  const child = spawn('bash', [SCRIPT, 'serve'], {
    env: { ...process.env, RECOGNISER_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A worker that dies skips afterAll: never leave the recogniser behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail('did not start within 60 s'), 60_000);
    function fail(why: string) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`the recogniser ${why}:\n${output}`));
    }
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
      const listening = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve(listening[1]!);
      }
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('exit', (code) => fail(`exited with ${code}`));
  });
  return {
    url,
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
