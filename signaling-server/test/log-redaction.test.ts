import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hashToken } from '../src/auth/tokens.js';
import { createLogger } from '../src/log.js';
import { startServer, type TestServer } from './harness.js';

const lines: string[] = [];
let server: TestServer;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  server = await startServer({ log: createLogger('trace', sink) });
});
afterAll(() => server.close());

describe('the server’s log', () => {
  test('never holds a password, a session or device token, or their hashes', async () => {
    const cookie = await server.login('petugas1');
    const token = cookie.split('=')[1]!;
    const agent = await server.agent(cookie);
    // Events not allowed here and malformed ones are logged with the actor who sent them.
    await (
      agent as unknown as { emitWithAck(event: string, payload: unknown): Promise<unknown> }
    ).emitWithAck('ticket:create', {});
    await agent.emitWithAck('agent:setStatus', { status: 'nonsense' } as never);
    const kiosk = await server.kiosk();
    await kiosk.emitWithAck('ticket:cancel', { ticketId: 'nope' });
    await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'petugas2', password: 'a wrong secret' }),
    });
    const ended = new Promise((resolve) => agent.once('disconnect', resolve));
    await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie } });
    await ended;

    const log = lines.join('');
    // The refused event's line names its actor, with the session's hash taken out.
    expect(log).toContain('refused event not allowed here');
    expect(log).toContain('[redacted]');
    for (const secret of [
      token,
      hashToken(token),
      server.password('petugas1'),
      'a wrong secret',
      server.demo.kioskToken,
      hashToken(server.demo.kioskToken),
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});
