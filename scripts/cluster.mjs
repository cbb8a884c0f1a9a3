// `./loket cluster`: three server instances on one PostgreSQL and one Redis behind HAProxy, all on
// this machine, to try several instances behind one address. Ctrl-C stops everything it started.
// Ports: the balancer on LOKET_CLUSTER_PORT (8080), the instances on the next three, Redis on the
// fourth. Needs Debian's postgresql, redis-server and haproxy. LOKET_CLUSTER_MEDIA=livekit adds
// LiveKit as two nodes over the same Redis (the next six ports: HTTP, RTC TCP, RTC UDP each);
// calls are peer-to-peer otherwise.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { haproxyConfig } from '../ops/cluster/haproxy-config.mjs';

const base = Number(process.env.LOKET_CLUSTER_PORT ?? 8080);
const instancePorts = [base + 1, base + 2, base + 3];
const redisPort = base + 4;
const media = process.env.LOKET_CLUSTER_MEDIA ?? 'p2p';
const livekitPorts = [base + 5, base + 8];
const dir = path.resolve('data/cluster');
fs.mkdirSync(dir, { recursive: true });
const children = [];
let stopping = false;

function fail(message) {
  process.stderr.write(`${message}\n`);
  void stop(1);
}

async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  // Newest first: the balancer, so nobody is sent to an instance that is stopping; Redis last.
  for (const child of children) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  process.exit(code);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

function start(name, file, args, options = {}) {
  const child = spawn(file, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  child.once('exit', (code, signal) => {
    if (!stopping) fail(`${name} stopped (${code ?? signal}); stopping the cluster.`);
  });
  child.once('error', (error) => fail(`${name} could not start: ${error.message}`));
  children.unshift(child);
  return child;
}

async function waitFor(check, what) {
  const deadline = Date.now() + 60_000;
  while (!(await check())) {
    if (stopping) return;
    if (Date.now() > deadline) return fail(`${what} did not come up within a minute.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const listening = (port) =>
  new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(socket.end() && true));
    socket.once('error', () => resolve(false));
  });
const answers = (url) =>
  fetch(url).then(
    (response) => response.ok,
    () => false,
  );
const healthy = (port) => answers(`http://127.0.0.1:${port}/healthz`);

if (media !== 'p2p' && media !== 'livekit') {
  process.stderr.write(`LOKET_CLUSTER_MEDIA is p2p or livekit, not ${media}.\n`);
  process.exit(1);
}

for (const [file, pkg] of [
  ['/usr/bin/redis-server', 'redis-server'],
  ['/usr/sbin/haproxy', 'haproxy'],
]) {
  if (!fs.existsSync(file)) {
    process.stderr.write(`${file} is missing: apt-get install -y ${pkg}\n`);
    process.exit(1);
  }
}

// PostgreSQL as the tests start it, with a database of the cluster's own.
const pg = spawnSync('bash', ['scripts/postgres-for-tests.sh'], {
  stdio: ['ignore', 'pipe', 'inherit'],
  encoding: 'utf8',
});
const adminUrl = pg.stdout
  .trim()
  .split('\n')
  .findLast((line) => line.startsWith('postgres://'));
if (pg.status !== 0 || !adminUrl) {
  process.stderr.write('PostgreSQL did not start (Debian: apt-get install -y postgresql).\n');
  process.exit(1);
}
const { Client } = createRequire(path.resolve('signaling-server/package.json'))('pg');
const admin = new Client({ connectionString: adminUrl });
await admin.connect();
const exists = await admin.query("select 1 from pg_database where datname = 'loket_cluster'");
if (exists.rowCount === 0) await admin.query('create database loket_cluster');
await admin.end();
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: '/loket_cluster' }).toString();

start('Redis', '/usr/bin/redis-server', [
  '--port',
  String(redisPort),
  '--bind',
  '127.0.0.1',
  '--dir',
  dir,
  '--save',
  '',
  '--appendonly',
  'yes',
  '--loglevel',
  'warning',
]);
await waitFor(() => listening(redisPort), 'Redis');

const publicUrl = `http://localhost:${base}`;
const livekitKey = process.env.LIVEKIT_API_KEY ?? 'devkey';
const livekitSecret = process.env.LIVEKIT_API_SECRET ?? 'loket-development-secret-change-me';
if (media === 'livekit') await startLiveKitNodes();

/**
 * LiveKit's multi-node mode: both nodes share the cluster's Redis, which places each room on one
 * node and relays a participant who connects to the other. Rooms only exist because Loket made
 * them, and webhooks reach whichever instance the balancer picks.
 */
async function startLiveKitNodes() {
  // LIVEKIT_SERVER_BIN names a livekit-server built elsewhere, as for the tests.
  const binary = process.env.LIVEKIT_SERVER_BIN ?? path.resolve('.tools/server');
  if (!process.env.LIVEKIT_SERVER_BIN) {
    const install = spawnSync('bash', ['scripts/livekit.sh', 'install'], { stdio: 'inherit' });
    if (install.status !== 0) process.exit(1);
  }
  for (const [i, port] of livekitPorts.entries()) {
    const config = path.join(dir, `livekit-${i + 1}.yaml`);
    const yaml = [
      `port: ${port}`,
      'bind_addresses: ["127.0.0.1"]',
      'rtc:',
      `  tcp_port: ${port + 1}`,
      `  udp_port: ${port + 2}`,
      '  use_external_ip: false',
      '  node_ip: 127.0.0.1',
      'redis:',
      `  address: 127.0.0.1:${redisPort}`,
      'room:',
      '  auto_create: false',
      'keys:',
      `  ${livekitKey}: ${livekitSecret}`,
      'logging:',
      '  level: warn',
      'webhook:',
      `  api_key: ${livekitKey}`,
      '  urls:',
      `    - http://127.0.0.1:${base}/livekit/webhook`,
    ];
    fs.writeFileSync(config, `${yaml.join('\n')}\n`, { mode: 0o600 });
    start(`LiveKit node ${i + 1}`, binary, ['--config', config]);
    await waitFor(() => answers(`http://127.0.0.1:${port}/`), `LiveKit node ${i + 1}`);
  }
}

const env = {
  ...process.env,
  HOST: '127.0.0.1',
  DATABASE_URL: databaseUrl,
  REDIS_URL: `redis://127.0.0.1:${redisPort}`,
  PUBLIC_URL: publicUrl,
  DATA_DIR: dir,
  // HAProxy forwards the client's address; only it is believed.
  TRUST_PROXY: 'loopback',
};
// The first instance migrates the database and makes the demo data before the others start.
for (const [i, port] of instancePorts.entries()) {
  start(`instance ${i + 1}`, process.execPath, ['signaling-server/dist/main.js'], {
    env: {
      ...env,
      PORT: String(port),
      DEMO_DATA: i === 0 ? 'true' : 'false',
      // The instances talk to both nodes, so a call's parties may reach its room through either.
      ...(media === 'livekit' && {
        LIVEKIT_URL: `ws://127.0.0.1:${livekitPorts[i % livekitPorts.length]}`,
        LIVEKIT_API_KEY: livekitKey,
        LIVEKIT_API_SECRET: livekitSecret,
      }),
    },
    stdio: ['ignore', i === 0 ? 'inherit' : 'ignore', 'inherit'],
  });
  await waitFor(() => healthy(port), `instance ${i + 1}`);
}

const config = path.join(dir, 'haproxy.cfg');
fs.writeFileSync(
  config,
  haproxyConfig({
    port: base,
    instances: instancePorts.map((port, i) => ({ name: `i${i + 1}`, port })),
  }),
);
start('HAProxy', '/usr/sbin/haproxy', ['-db', '-f', config]);
await waitFor(() => healthy(base), 'HAProxy');
if (!stopping) {
  process.stdout.write(
    `\nLoket cluster: ${publicUrl}/  (HAProxy in front of instances on ${instancePorts.join(', ')};` +
      ` Redis on ${redisPort}; PostgreSQL database loket_cluster)\n` +
      (media === 'livekit'
        ? `LiveKit: two nodes on ${livekitPorts.join(', ')} over that Redis (key ${livekitKey})\n`
        : '') +
      'Ctrl-C stops it all.\n',
  );
}
