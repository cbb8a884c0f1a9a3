import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { startConnection } from '../lib/load-connection';
import { kioskStore } from '../store/kiosk-store';
import { resetKiosk } from '../test/fixtures';
import { ReplacedScreen } from './ReplacedScreen';

vi.mock('../lib/load-connection', () => ({ startConnection: vi.fn() }));
afterEach(() => vi.mocked(startConnection).mockReset());

describe('the screen of a kiosk opened elsewhere', () => {
  test('says why it stopped and takes the connection back only when staff tap', async () => {
    resetKiosk({ phase: 'replaced', connection: 'offline' });
    render(<ReplacedScreen />);
    expect(screen.getByRole('heading', { name: 'Kiosk ini dibuka di layar lain' })).toBeVisible();
    expect(startConnection).not.toHaveBeenCalled();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Pakai layar ini' }));
    expect(startConnection).toHaveBeenCalledOnce();
    expect(kioskStore.getState().phase).toBe('starting');
  });
});
