import { render, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { NOW, queueSnapshot } from '../../test/fixtures';
import { OfficersTable } from './OfficersTable';
import { WaitingTicketsTable } from './WaitingTicketsTable';

describe('manager tables', () => {
  test('render a row per waiting ticket, oldest first, with its needs and how long it waited', () => {
    const { tickets } = queueSnapshot();
    render(<WaitingTicketsTable tickets={tickets} now={NOW} />);
    const table = screen.getByRole('table', { name: 'Tiket menunggu' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      'B-014Informasi publik (PPID)Bahasa IndonesiaBahasa isyarat (BISINDO)Lanjut usiaMenunggu2:05',
      'C-002PengaduanBahasa InggrisTidak adaDitawarkan0:30',
    ]);
  });

  test.each(['in_call', 'done', 'cancelled'] as const)('leave out %s tickets', (status) => {
    const [ticket] = queueSnapshot().tickets;
    render(<WaitingTicketsTable tickets={[{ ...ticket!, status }]} now={NOW} />);
    expect(screen.getByRole('cell', { name: 'Tidak ada antrian' })).toBeInTheDocument();
  });

  test('show an empty state when no one is waiting', () => {
    render(<WaitingTicketsTable tickets={[]} now={NOW} />);
    expect(screen.getByText('Tidak ada antrian')).toBeInTheDocument();
  });

  test('list officers with their translated state', () => {
    render(<OfficersTable agents={queueSnapshot().agents} />);
    const table = screen.getByRole('table', { name: 'Petugas' });
    expect(within(table).getByRole('rowheader', { name: 'Sari Wulandari' })).toBeInTheDocument();
    expect(within(table).getByText('Ada panggilan masuk')).toBeInTheDocument();
  });

  test('say so when no officer is signed in', () => {
    render(<OfficersTable agents={[]} />);
    expect(screen.getByText('Tidak ada petugas yang masuk')).toBeInTheDocument();
  });
});
