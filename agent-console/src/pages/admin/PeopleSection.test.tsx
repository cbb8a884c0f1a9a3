import type { PeopleList, Person } from '@loket/shared';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { consoleStore } from '../../store';
import { managerUser } from '../../test/fixtures';
import { resetStore } from '../../test/reset-store';
import { PeopleSection } from './PeopleSection';

const sari: Person = {
  id: 'u-1',
  username: 'petugas1',
  displayName: 'Sari Wulandari',
  role: 'agent',
  active: true,
  mustChangePassword: false,
  skills: ['language:id', 'service:s-1'],
  canServe: [{ id: 's-1', name: { id: 'Layanan KTP', en: 'ID cards' } }],
  inCall: false,
  createdAt: 1,
  version: 3,
};

const list: PeopleList = {
  people: [sari],
  skills: [
    { skill: 'service:s-1', kind: 'service', name: { id: 'Layanan KTP', en: 'ID cards' } },
    { skill: 'language:id', kind: 'language', name: { id: 'Bahasa Indonesia', en: 'Indonesian' } },
  ],
};

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** Answers each request in turn. */
function answers(...responses: Response[]) {
  const fetchMock = vi.fn<typeof fetch>();
  for (const response of responses) fetchMock.mockResolvedValueOnce(response);
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

beforeEach(() => {
  resetStore();
  consoleStore.getState().signedIn({ ...managerUser, role: 'admin', id: 'u-9' });
});
afterEach(() => vi.unstubAllGlobals());

describe('PeopleSection', () => {
  test('shows what each officer can serve now', async () => {
    answers(json(200, list));
    render(<PeopleSection />);
    expect(await screen.findByText('Sekarang dapat melayani: Layanan KTP')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Nonaktifkan Sari Wulandari' })).toBeVisible();
  });

  test('says next to the field what is wrong with a new username, and sends nothing', async () => {
    const fetchMock = answers(json(200, list));
    render(<PeopleSection />);
    await screen.findByText('Sari Wulandari', { exact: false });
    await userEvent.type(screen.getByLabelText('Nama pengguna'), 'ab');
    await userEvent.type(screen.getByLabelText('Nama tampilan', { selector: 'input' }), 'Rina');
    await userEvent.type(screen.getByLabelText('Kata sandi awal'), 'a first password');
    await userEvent.click(screen.getByRole('button', { name: 'Tambah orang' }));
    expect(screen.getByLabelText('Nama pengguna')).toHaveAccessibleDescription(
      'Nama pengguna minimal 3 karakter.',
    );
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  test('a change someone else made first is refused with a reload button', async () => {
    answers(
      json(200, list),
      json(409, { error: { code: 'CHANGED_ELSEWHERE', message: 'changed' } }),
      json(200, { ...list, people: [{ ...sari, displayName: 'Sari W.', version: 4 }] }),
    );
    render(<PeopleSection />);
    await userEvent.click(await screen.findByRole('button', { name: 'Ubah Sari Wulandari' }));
    await userEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('diubah oleh orang lain');
    await userEvent.click(screen.getByRole('button', { name: 'Muat ulang' }));
    expect(await screen.findByText('Sari W.', { exact: false })).toBeVisible();
  });
});
