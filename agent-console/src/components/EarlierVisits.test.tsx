import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { answerWith, FakeSocket } from '../test/fake-socket';
import { NOW } from '../test/fixtures';
import { resetStore } from '../test/reset-store';
import { EarlierVisits } from './EarlierVisits';

const socket = vi.hoisted(() => ({ current: null as FakeSocket | null }));
vi.mock('../lib/agent-socket', () => ({ agentSocket: () => socket.current }));

beforeEach(() => {
  resetStore();
  socket.current = new FakeSocket();
});

const visit = {
  ticketId: 't-earlier',
  ticketNumber: 'A-003',
  service: { id: 'Layanan KTP', en: 'ID card service' },
  at: NOW - 3_600_000,
  disposition: null,
  notes: '<b>Bawa fotokopi KK</b>',
};

describe('EarlierVisits', () => {
  test('shows each earlier visit’s ticket, service, outcome and the note as text', async () => {
    answerWith(socket.current!, { 'visit:earlier': { ok: true, data: { visits: [visit] } } });
    render(<EarlierVisits ticketId="t-now" />);
    const panel = await screen.findByRole('region', { name: 'Kunjungan sebelumnya hari ini' });
    expect(panel).toHaveTextContent('A-003');
    expect(panel).toHaveTextContent('Layanan KTP');
    expect(panel).toHaveTextContent('Hasil: Belum dipilih');
    expect(panel).toHaveTextContent('Catatan petugas: <b>Bawa fotokopi KK</b>');
    expect(panel.querySelector('b')).toBeNull();
    expect(socket.current!.emitWithAck).toHaveBeenCalledWith('visit:earlier', {
      ticketId: 't-now',
    });
  });

  test('shows nothing when the visitor linked no earlier visit', async () => {
    answerWith(socket.current!, { 'visit:earlier': { ok: true, data: { visits: [] } } });
    const { container } = render(<EarlierVisits ticketId="t-now" />);
    await vi.waitFor(() => expect(socket.current!.emitWithAck).toHaveBeenCalled());
    expect(container).toBeEmptyDOMElement();
  });
});
