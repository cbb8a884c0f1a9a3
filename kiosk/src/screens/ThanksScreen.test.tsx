import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { kioskStore } from '../store/kiosk-store';
import { resetKiosk } from '../test/fixtures';
import { ThanksScreen } from './ThanksScreen';

vi.mock('../lib/commands', () => ({ command: vi.fn() }));

describe('ThanksScreen', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    resetKiosk({ phase: 'thanks', language: 'en' });
  });
  afterEach(() => vi.useRealTimers());

  it('counts down visibly and returns to the start after ten seconds', () => {
    render(<ThanksScreen />);
    expect(screen.getByRole('heading', { level: 1, name: 'Thank you' })).toBeInTheDocument();
    expect(screen.getByText('Back to the start in 10 seconds')).toBeInTheDocument();

    act(() => vi.advanceTimersByTime(9000));
    expect(screen.getByText('Back to the start in 1 second')).toBeInTheDocument();
    expect(kioskStore.getState().phase).toBe('thanks');

    act(() => vi.advanceTimersByTime(1000));
    expect(kioskStore.getState()).toMatchObject({ phase: 'attract', language: 'id' });
  });

  it('lets the visitor finish at once', () => {
    render(<ThanksScreen />);

    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));

    expect(kioskStore.getState().phase).toBe('attract');
  });
});
