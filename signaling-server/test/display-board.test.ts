import { DisplayBoard, restRoutes } from '@loket/shared';
import { afterEach, describe, expect, test } from 'vitest';
import { nextEvent, startServer, type TestServer } from './harness.js';
import { officeOnBreak } from './support/office-on-break.js';

let server: TestServer;
afterEach(() => server.close());

async function boardOf(body: unknown) {
  const response = await fetch(`${server.url}${restRoutes.displayBoard.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify(body),
  });
  return { code: response.status, body: (await response.json()) as unknown };
}

describe('the lobby call-out display', () => {
  test('shows the next ticket as asked back to its kiosk, the rest not at all, and a call as served', async () => {
    server = await startServer();
    const { agent, take } = await officeOnBreak(server);
    const second = await server.kiosk(await server.enrolKiosk());
    const first = await take();
    const later = await take(second);

    const waiting = DisplayBoard.parse((await boardOf({})).body);
    expect(waiting.callNow).toEqual([{ number: first.number, kioskName: 'Kios lobi 1' }]);
    expect(waiting.serving).toEqual([]);
    expect(JSON.stringify(waiting)).not.toContain(later.number);

    const offered = nextEvent(agent, 'offer:new');
    await agent.emitWithAck('agent:setStatus', { status: 'available' });
    await agent.emitWithAck('offer:accept', { ticketId: (await offered).ticketId });
    const inCall = DisplayBoard.parse((await boardOf({ officeId: server.officeId })).body);
    expect(inCall.serving.map((t) => t.number)).toEqual([first.number]);
    expect(inCall.callNow.map((t) => t.number)).toEqual([later.number]);
  });

  test('carries ticket numbers and kiosk names only, nothing of the visitor', async () => {
    server = await startServer();
    const { take } = await officeOnBreak(server);
    await take();
    const board = (await boardOf({})).body as { callNow: object[] };
    expect(Object.keys(board).sort()).toEqual(['callNow', 'office', 'serving']);
    expect(Object.keys(board.callNow[0] ?? {}).sort()).toEqual(['kioskName', 'number']);
  });

  test('an office that does not exist, or a malformed request, is refused', async () => {
    server = await startServer();
    expect((await boardOf({ officeId: 'no-such-office' })).code).toBe(404);
    expect((await boardOf({ officeId: 42 })).code).toBe(400);
  });
});
