import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the mock does with the next request to send a complaint. */
export type MockFailure =
  { kind: 'timeout' } | { kind: 'server-error' } | { kind: 'refuse'; message: string };

/** A complaint as the mock received it. */
export interface ReceivedComplaint {
  trackingId: string;
  idempotencyKey: string;
  body: Record<string, unknown>;
}

/**
 * A local stand-in for SP4N-LAPOR!'s integration API, of the shape `LaporChannel` speaks: a real
 * HTTP server on 127.0.0.1 that checks the bearer token, hands out tracking ids, answers a repeated
 * idempotency key with the same id, and fails on request.
 */
export interface LaporMock {
  url: string;
  token: string;
  received: ReceivedComplaint[];
  /** The next sends fail this way, one each, in order. */
  failNext(...failures: MockFailure[]): void;
  /** LAPOR! closes a complaint. */
  close(trackingId: string): void;
  stop(): Promise<void>;
}

/** Starts the mock on `port` (a free one by default). */
export async function startLaporMock(port = 0, token = 'lapor-test-token'): Promise<LaporMock> {
  const received: ReceivedComplaint[] = [];
  const failures: MockFailure[] = [];
  const closed = new Set<string>();
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${token}`) {
      return answer(401, { message: 'invalid API key' });
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://mock');
      const status = /^\/api\/v1\/complaints\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'GET' && status) {
        const trackingId = decodeURIComponent(status[1]!);
        if (!received.some((c) => c.trackingId === trackingId)) {
          return answer(404, { message: 'unknown tracking id' });
        }
        const done = closed.has(trackingId);
        return answer(200, {
          trackingId,
          status: done ? 'completed' : 'verification',
          closed: done,
        });
      }
      if (req.method !== 'POST' || url.pathname !== '/api/v1/complaints') {
        return answer(404, { message: 'no such route' });
      }
      const failure = failures.shift();
      if (failure?.kind === 'timeout') {
        hanging.add(res);
        return;
      }
      if (failure?.kind === 'server-error') return answer(503, { message: 'maintenance' });
      if (failure?.kind === 'refuse') return answer(422, { message: failure.message });
      const key = String(req.headers['idempotency-key'] ?? '');
      const again = received.find((c) => c.idempotencyKey === key);
      if (again) return answer(201, { trackingId: again.trackingId });
      const trackingId = `LPR${String(received.length + 1).padStart(7, '0')}`;
      received.push({
        trackingId,
        idempotencyKey: key,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
      });
      answer(201, { trackingId });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/api/v1`,
    token,
    received,
    failNext: (...next) => failures.push(...next),
    close: (trackingId) => closed.add(trackingId),
    async stop() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
