import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import i18n from '../i18n';
import { consoleStore } from '../store';
import { agentUser } from '../test/fixtures';
import { resetStore } from '../test/reset-store';
import SignInPage from './SignInPage';

function stubFetch(status: number, body: unknown) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function signIn(username: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox', { name: 'Nama pengguna' }), username);
  await user.type(screen.getByLabelText('Kata sandi'), password);
  await user.click(screen.getByRole('button', { name: 'Masuk' }));
}

beforeEach(resetStore);
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('SignInPage', () => {
  test('shows the translated error on INVALID_CREDENTIALS', async () => {
    stubFetch(401, { error: { code: 'INVALID_CREDENTIALS', message: 'bad' } });
    render(<SignInPage />);
    await signIn('sari', 'salah');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Nama pengguna atau kata sandi salah',
    );
    expect(screen.getByRole('textbox', { name: 'Nama pengguna' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
  });

  test('a lock-out says how many minutes to wait', async () => {
    stubFetch(429, {
      error: { code: 'RATE_LIMITED', message: 'locked', retryAt: Date.now() + 14 * 60_000 + 5_000 },
    });
    render(<SignInPage />);
    await signIn('sari', 'salah');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Terlalu banyak percobaan masuk. Coba lagi dalam 15 menit.',
    );
  });

  test('submits the trimmed username and signs the user in', async () => {
    const fetchMock = stubFetch(200, { user: agentUser });
    render(<SignInPage />);
    await signIn('  sari  ', ' rahasia ');
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toEqual({ username: 'sari', password: ' rahasia ' });
    expect(consoleStore.getState().user).toEqual(agentUser);
  });

  test('asks for both fields before sending anything', async () => {
    const fetchMock = stubFetch(200, { user: agentUser });
    render(<SignInPage />);
    await userEvent.click(screen.getByRole('button', { name: 'Masuk' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Isi nama pengguna dan kata sandi');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  test('helps password managers and allows pasting', () => {
    render(<SignInPage />);
    expect(screen.getByRole('textbox', { name: 'Nama pengguna' })).toHaveAttribute(
      'autocomplete',
      'username',
    );
    expect(screen.getByLabelText('Kata sandi')).toHaveAttribute('autocomplete', 'current-password');
  });

  test('is named in English when the language is switched', async () => {
    render(<SignInPage />);
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Username' })).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    await i18n.changeLanguage('id');
  });
});
