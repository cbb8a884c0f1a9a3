import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { startConnection } from '../lib/load-connection';
import { CREDENTIAL_KEY } from '../lib/credential';
import { kioskStore } from '../store/kiosk-store';
import { resetKiosk } from '../test/fixtures';
import { UnenrolledScreen } from './UnenrolledScreen';

vi.mock('../lib/load-connection', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  startConnection: vi.fn(),
}));

function answer(status: number, body: unknown) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function typeCode(code: string) {
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox', { name: 'Kode pemasangan' }), code);
  await user.click(screen.getByRole('button', { name: 'Pasangkan kiosk' }));
}

beforeEach(() => {
  localStorage.clear();
  resetKiosk({ phase: 'unenrolled', connection: 'offline' });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.mocked(startConnection).mockReset();
});

describe('the pairing screen', () => {
  test('pairs the kiosk with the code staff type, keeps the credential and connects', async () => {
    const fetchMock = answer(200, { credential: 'c'.repeat(43) });
    render(<UnenrolledScreen />);
    await typeCode('abcd-2345');
    await vi.waitFor(() => expect(startConnection).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/kiosk/pair');
    expect(JSON.parse(init.body as string)).toEqual({ code: 'abcd-2345' });
    expect(localStorage.getItem(CREDENTIAL_KEY)).toBe('c'.repeat(43));
    expect(kioskStore.getState().phase).toBe('starting');
  });

  test('says a code is unknown or expired, in the visitor’s language', async () => {
    answer(404, { error: { code: 'NOT_FOUND', message: 'unknown' } });
    render(<UnenrolledScreen />);
    await typeCode('ZZZZ-9999');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Kode tidak dikenal, sudah dipakai, atau kedaluwarsa',
    );
    expect(screen.getByRole('textbox', { name: 'Kode pemasangan' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(startConnection).not.toHaveBeenCalled();
    expect(localStorage.getItem(CREDENTIAL_KEY)).toBeNull();
  });

  test('asks for a code before sending anything', async () => {
    const fetchMock = answer(200, {});
    render(<UnenrolledScreen />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Pasangkan kiosk' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Masukkan kode pemasangan.');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
