// Development: the server restarts on change (tsx watch) and both apps hot-reload (Vite), with
// the apps' dev servers proxying the API and socket.io to the server.
import { spawn } from 'node:child_process';

const processes = [
  {
    name: 'server',
    cmd: 'pnpm',
    args: ['--filter', '@loket/signaling-server', 'exec', 'tsx', 'watch', 'src/main.ts'],
  },
  { name: 'kiosk', cmd: 'pnpm', args: ['--filter', '@loket/kiosk', 'dev'] },
  { name: 'console', cmd: 'pnpm', args: ['--filter', '@loket/agent-console', 'dev'] },
];

const children = processes.map(({ name, cmd, args }) => {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
  const prefix = (chunk) =>
    chunk
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((line) => `[${name}] ${line}\n`)
      .join('');
  child.stdout.on('data', (chunk) => process.stdout.write(prefix(chunk)));
  child.stderr.on('data', (chunk) => process.stderr.write(prefix(chunk)));
  child.on('exit', (code) => {
    process.stdout.write(`[${name}] exited with ${code}\n`);
    stop();
  });
  return child;
});

process.stdout.write(
  'Dev servers: kiosk http://localhost:5173/kiosk/  console http://localhost:5174/console/  (API on :8080)\n',
);

function stop() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
