import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  clusterMissingReason,
  startHaproxyWith,
  startRedis,
  type Daemon,
} from '../../signaling-server/test/support/cluster.js';
import { freePort } from './free-port.js';
import { livekitMissingReason, startLiveKit, type LiveKitProcess } from './livekit-server.js';

/** Why two LiveKit nodes behind HAProxy cannot run here, or null when they can. */
export function livekitNodesMissingReason(): string | null {
  return livekitMissingReason() ?? clusterMissingReason();
}

/** Two LiveKit nodes over one Redis, behind one address. */
export interface LiveKitNodes {
  /** The balancer's `ws://` address: Loket's LIVEKIT_URL. */
  url: string;
  apiKey: string;
  apiSecret: string;
  nodes: LiveKitProcess[];
  /** How many connections the balancer has sent to each node so far. */
  sessions(): Promise<number[]>;
  stop(): Promise<void>;
}

/** The balancer's answer to `command` on its stats socket. */
function askHaproxy(socketPath: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = net.connect(socketPath, () => socket.write(`${command}\n`));
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.once('end', () => resolve(answer));
    socket.once('error', reject);
  });
}

/**
 * Two nodes of one LiveKit deployment (shared Redis and keys, both calling `webhookUrl`) behind
 * HAProxy, which sends a kiosk's connection (its token's subject is `kiosk:…`) to the second node
 * and everything else, the officer's and Loket's own, to the first: the two sides of every call
 * reach the deployment through different nodes, as they may behind any balancer.
 */
export async function startLiveKitNodes(webhookUrl: string): Promise<LiveKitNodes> {
  const keys = { apiKey: 'nodes', apiSecret: randomBytes(24).toString('hex') };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-livekit-nodes-'));
  const started: { stop(): Promise<void> }[] = [];
  const stop = async () => {
    for (const daemon of started.reverse()) await daemon.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const redis: Daemon = await startRedis(await freePort(), dir);
    started.push(redis);
    const nodes: LiveKitProcess[] = [];
    for (let i = 0; i < 2; i++) {
      const node = await startLiveKit({ redis: `127.0.0.1:${redis.port}`, keys, webhookUrl });
      started.push(node);
      nodes.push(node);
    }
    const port = await freePort();
    const stats = path.join(dir, 'haproxy.sock');
    const [first, second] = nodes.map((node) => new URL(node.url).port);
    const config = [
      'global',
      `  stats socket ${stats} level user`,
      'defaults',
      '  mode http',
      '  timeout connect 2s',
      '  timeout client 60s',
      '  timeout server 60s',
      '  timeout tunnel 1h',
      'frontend livekit',
      `  bind 127.0.0.1:${port}`,
      "  acl kiosk url_param(access_token),jwt_payload_query('$.sub') -m beg kiosk:",
      '  use_backend node2 if kiosk',
      '  default_backend node1',
      'backend node1',
      `  server n1 127.0.0.1:${first}`,
      'backend node2',
      `  server n2 127.0.0.1:${second}`,
      '',
    ].join('\n');
    started.push(await startHaproxyWith(config, port, dir));
    return {
      url: `ws://127.0.0.1:${port}`,
      ...keys,
      nodes,
      async sessions() {
        const rows = (await askHaproxy(stats, 'show stat')).split('\n');
        const header = rows[0]!.replace(/^# /, '').split(',');
        const total = header.indexOf('stot');
        return ['node1', 'node2'].map((backend) => {
          const row = rows
            .map((r) => r.split(','))
            .find((r) => r[0] === backend && r[1] === 'BACKEND');
          return Number(row?.[total] ?? 0);
        });
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
