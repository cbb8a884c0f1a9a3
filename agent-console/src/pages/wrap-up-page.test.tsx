import { act, render, screen } from '@testing-library/react';
import { beforeEach, expect, test, vi } from 'vitest';
import { consoleStore } from '../store';
import { answerWith, FakeSocket } from '../test/fake-socket';
import { agentUser, agentView, bootstrap, callStart } from '../test/fixtures';
import { resetStore } from '../test/reset-store';
import AgentPage from './AgentPage';

const socket = vi.hoisted(() => ({ current: null as FakeSocket | null }));
vi.mock('../lib/agent-socket', () => ({
  connectAgentSocket: () => socket.current,
  agentSocket: () => socket.current,
  disconnectAgentSocket: () => socket.current?.disconnect(),
}));

beforeEach(() => {
  resetStore();
  consoleStore.getState().signedIn(agentUser);
  socket.current = new FakeSocket();
});

test('the wrap-up leaves the page when the officer is available again, and each call has its own', async () => {
  answerWith(socket.current!, {
    'agent:bootstrap': { ok: true, data: bootstrap({ agent: agentView({ status: 'available' }) }) },
    'callback:list': { ok: true, data: { callbacks: [] } },
  });
  render(<AgentPage />);
  await act(async () => socket.current!.serverEmit('connect'));
  const state = () => consoleStore.getState();
  for (const [index, number] of ['A-001', 'A-002', 'A-003'].entries()) {
    const callId = `call-${index}`;
    act(() => {
      state().agentUpdated(agentView({ status: 'busy' }));
      state().callStarted(callStart({ callId, ticketId: `t-${index}`, ticketNumber: number }));
    });
    act(() => {
      state().callEnded({ callId, reason: 'ended_by_visitor' });
      state().agentUpdated(agentView({ status: 'wrap_up' }));
    });
    expect(screen.getAllByRole('region', { name: /^Penyelesaian pengunjung/ })).toHaveLength(1);
    act(() => state().agentUpdated(agentView({ status: 'available' })));
    expect(screen.queryAllByRole('region', { name: /^Penyelesaian pengunjung/ })).toHaveLength(0);
  }
});
