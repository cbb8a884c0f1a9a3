import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test, vi } from 'vitest';
// @ts-expect-error temporary check
import axe from '/work/main/node_modules/.pnpm/axe-core@4.14.1/node_modules/axe-core/axe.js';
import ManagerPage from './pages/ManagerPage';
import AgentPage from './pages/AgentPage';
import { consoleStore } from './store';
import { answerWith, FakeSocket } from './test/fakeSocket';
import { agentView, bootstrap, callbackView, managerUser, agentUser, queueSnapshot } from './test/fixtures';
import { resetStore } from './test/resetStore';

const socket = vi.hoisted(() => ({ current: null as FakeSocket | null }));
vi.mock('./lib/managerSocket', () => ({
  connectManagerSocket: () => socket.current,
  managerSocket: () => socket.current,
  disconnectManagerSocket: () => undefined,
}));
vi.mock('./lib/agentSocket', () => ({
  connectAgentSocket: () => socket.current,
  agentSocket: () => socket.current,
  disconnectAgentSocket: () => undefined,
}));

async function check(label: string) {
  const result = await axe.run(document.body, {
    runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
    rules: { 'color-contrast': { enabled: false } },
  });
  const v = result.violations.map((x: { id: string; nodes: { html: string }[] }) => `${label}: ${x.id} ${x.nodes.map((n) => n.html).join(' | ')}`);
  expect(v).toEqual([]);
}

beforeEach(() => {
  resetStore();
  socket.current = new FakeSocket();
});

test('manager axe', async () => {
  consoleStore.getState().signedIn(managerUser);
  answerWith(socket.current!, { 'queue:snapshot': { ok: true, data: queueSnapshot({ counters: { ...queueSnapshot().counters, serviceLevel: null } }) } });
  render(<ManagerPage />);
  await act(async () => socket.current!.serverEmit('connect'));
  await check('page');
  const table = screen.getByRole('table', { name: 'Tiket menunggu' });
  await userEvent.click(within(table).getAllByRole('button', { name: 'Tugaskan' })[0]!);
  await check('assign');
  await userEvent.click(screen.getByRole('button', { name: 'Kembali' }));
  await userEvent.click(screen.getAllByRole('button', { name: 'Ubah status' })[0]!);
  await check('state');
});

test('agent axe', async () => {
  consoleStore.getState().signedIn(agentUser);
  answerWith(socket.current!, {
    'agent:bootstrap': { ok: true, data: bootstrap({ agent: agentView({ status: 'wrap_up' }) }) },
    'callback:list': { ok: true, data: { callbacks: [callbackView()] } },
  });
  render(<AgentPage />);
  await act(async () => socket.current!.serverEmit('connect'));
  await screen.findByRole('link');
  await check('agent');
  await userEvent.click(screen.getByRole('button', { name: 'Tutup permintaan' }));
  await check('close');
});
