import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { kioskStore } from '../store/kiosk-store';
import { office, resetKiosk } from '../test/fixtures';
import { rememberedChannels } from '../offline/remembered-channels';
import { OFFLINE_PAGE_AFTER_MS } from './outage';
import { watchForOutage } from './outage-watch';

describe('the outage watch', () => {
  let stop: () => void;
  const deps = { serverAnswers: vi.fn(async () => false), showOfflinePage: vi.fn() };

  beforeEach(() => {
    vi.useFakeTimers();
    localStorage.clear();
    deps.serverAnswers.mockReset().mockResolvedValue(false);
    deps.showOfflinePage.mockReset();
    resetKiosk({ phase: 'attract' });
    stop = watchForOutage(kioskStore, deps);
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('shows the offline page when nobody is at the kiosk and the server stays away', async () => {
    kioskStore.setState({ connection: 'offline' });
    await vi.advanceTimersByTimeAsync(OFFLINE_PAGE_AFTER_MS - 1);
    expect(deps.showOfflinePage).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(deps.showOfflinePage).toHaveBeenCalledOnce();
  });

  it('stays when the connection comes back in time', async () => {
    kioskStore.setState({ connection: 'offline' });
    await vi.advanceTimersByTimeAsync(OFFLINE_PAGE_AFTER_MS / 2);
    kioskStore.setState({ connection: 'online' });
    await vi.advanceTimersByTimeAsync(OFFLINE_PAGE_AFTER_MS);
    expect(deps.showOfflinePage).not.toHaveBeenCalled();
  });

  it('stays when only the socket is down and the server still answers', async () => {
    deps.serverAnswers.mockResolvedValue(true);
    kioskStore.setState({ connection: 'offline' });
    await vi.advanceTimersByTimeAsync(OFFLINE_PAGE_AFTER_MS);
    expect(deps.showOfflinePage).not.toHaveBeenCalled();
  });

  it('leaves a visitor who is under way on their screen', async () => {
    kioskStore.setState({ phase: 'waiting', connection: 'offline' });
    await vi.advanceTimersByTimeAsync(OFFLINE_PAGE_AFTER_MS * 3);
    expect(deps.showOfflinePage).not.toHaveBeenCalled();
  });

  it('keeps the office’s channels for the offline page', () => {
    kioskStore.setState({ office: { ...office, id: 'office-2' } });
    expect(rememberedChannels()).toEqual(office.channels);
  });
});
