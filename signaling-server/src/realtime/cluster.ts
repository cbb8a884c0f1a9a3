import type { createAdapter } from '@socket.io/redis-streams-adapter';
import type { createClient } from 'redis';
import type { Logger } from '../log.js';

/** socket.io's adapter that spans every instance sharing one Redis, and how to leave. */
export interface Cluster {
  adapter: ReturnType<typeof createAdapter>;
  /** The Redis client, for what else the instances share. */
  redis: ReturnType<typeof createClient>;
  /** Calls `listener` each time Redis is reachable again after an outage. */
  onReconnect(listener: () => void): void;
  close(): Promise<void>;
}

/**
 * How quickly an instance that died without a word (kill -9) stops being waited for: until then
 * asking the cluster who is connected waits `requestsTimeout` and fails, so both are short.
 */
const TIMING = { heartbeatInterval: 1000, heartbeatTimeout: 3000, requestsTimeout: 2000 };

/**
 * Joins the instances sharing `url`: broadcasts reach their sockets, `fetchSockets()` asks them
 * all, and a kiosk that reconnects to another instance recovers what it missed from the stream.
 * While Redis is away the client queues commands and reconnects, so an outage delays events
 * rather than dropping them; it is logged once when it starts and once when it ends. Redis's
 * client and the adapter are loaded here, so a single instance never holds them in memory.
 */
export async function joinCluster(url: string, log: Logger): Promise<Cluster> {
  const [{ createClient }, { createAdapter }] = await Promise.all([
    import('redis'),
    import('@socket.io/redis-streams-adapter'),
  ]);
  const client = createClient({
    url,
    socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000) },
  });
  let down = false;
  const reconnected: (() => void)[] = [];
  client.on('error', (err: unknown) => {
    if (down) return;
    down = true;
    log.warn({ err }, 'Redis unreachable; retrying');
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    log.info('Redis reachable again');
    for (const listener of reconnected) listener();
  });
  await client.connect();
  const adapter = createAdapter(client, { streamName: 'loket', ...TIMING });
  return {
    adapter,
    redis: client,
    onReconnect: (listener) => reconnected.push(listener),
    async close() {
      await client.close();
    },
  };
}
