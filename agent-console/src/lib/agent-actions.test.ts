import { beforeEach, describe, expect, test, vi } from 'vitest';
import { consoleStore } from '../store';
import { answerWith, FakeSocket } from '../test/fake-socket';
import { agentView, callStart } from '../test/fixtures';
import { resetStore } from '../test/reset-store';
import { endCall, setStatus } from './agent-actions';

const socket = vi.hoisted(() => ({ current: null as FakeSocket | null }));
vi.mock('./agent-socket', () => ({ agentSocket: () => socket.current }));

const state = () => consoleStore.getState();

beforeEach(() => {
  resetStore();
  socket.current = new FakeSocket();
});

describe('agent actions', () => {
  test('going available stores the agent the server answers', async () => {
    answerWith(socket.current!, {
      'agent:setStatus': { ok: true, data: { agent: agentView({ status: 'available' }) } },
    });
    await setStatus('available');
    expect(socket.current!.emitWithAck).toHaveBeenCalledWith('agent:setStatus', {
      status: 'available',
    });
    expect(state()).toMatchObject({ agent: { status: 'available' }, pending: null, error: null });
  });

  test('a command that times out shows TIMEOUT', async () => {
    socket.current!.emitWithAck.mockRejectedValue(new Error('operation has timed out'));
    await setStatus('away');
    expect(state()).toMatchObject({ pending: null, error: 'TIMEOUT' });
  });

  test.each([
    { ack: { ok: true, data: null }, error: null },
    { ack: { ok: false, error: { code: 'NOT_IN_CALL', message: 'over' } }, error: null },
  ])('ending a call clears it (ack ok: $ack.ok)', async ({ ack, error }) => {
    answerWith(socket.current!, { 'call:end': ack });
    state().callStarted(callStart());
    await endCall('c-1');
    expect(state()).toMatchObject({ call: null, error, notice: { key: 'callEnded' } });
  });

  test('a call the server refuses to end stays, with the error shown', async () => {
    answerWith(socket.current!, {
      'call:end': { ok: false, error: { code: 'INTERNAL', message: 'db' } },
    });
    state().callStarted(callStart());
    await endCall('c-1');
    expect(state()).toMatchObject({ call: { callId: 'c-1' }, error: 'INTERNAL' });
  });
});
