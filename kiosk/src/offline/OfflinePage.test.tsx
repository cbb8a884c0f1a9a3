import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { office } from '../test/fixtures';
import { OfflinePage, RETRY_MS } from './OfflinePage';

describe('OfflinePage', () => {
  const fetch = vi.fn();
  beforeEach(() => {
    vi.useFakeTimers();
    fetch.mockReset().mockRejectedValue(new TypeError('Failed to fetch'));
    vi.stubGlobal('fetch', fetch);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('says in both languages that the service is reconnecting, with the other channels', () => {
    render(<OfflinePage channels={office.channels} backOnline={vi.fn()} />);

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'Layanan sedang menyambung kembaliThe service is reconnecting',
    );
    expect(screen.getByText('0811-9521-150')).toBeVisible();
    expect(screen.getAllByRole('img', { name: /Kode QR/ })).toHaveLength(office.channels.length);
  });

  it('asks staff when it knows no other channel', () => {
    render(<OfflinePage channels={[]} backOnline={vi.fn()} />);

    expect(screen.getByText(/silakan tanyakan kepada petugas/)).toBeVisible();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('goes back to the kiosk once the server answers again, and not before', async () => {
    const backOnline = vi.fn();
    render(<OfflinePage channels={[]} backOnline={backOnline} />);

    await act(() => vi.advanceTimersByTimeAsync(RETRY_MS * 2));
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(backOnline).not.toHaveBeenCalled();
    fetch.mockResolvedValue(new Response('ok'));
    await act(() => vi.advanceTimersByTimeAsync(RETRY_MS));
    expect(backOnline).toHaveBeenCalledOnce();
  });
});
