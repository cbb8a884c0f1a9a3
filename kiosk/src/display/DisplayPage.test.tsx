import type { DisplayBoard } from '@loket/shared';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BoardAnswer } from './display-api';
import { DisplayPage } from './DisplayPage';
import { POLL_MS } from './useBoard';

const office = { id: 'Kantor uji', en: 'Test office' };
const board = (callNow: string[], serving: string[] = []): BoardAnswer => ({
  kind: 'board',
  board: {
    office,
    callNow: callNow.map((number) => ({ number, kioskName: 'Kios lobi 1' })),
    serving: serving.map((number) => ({ number, kioskName: 'Kios lobi 2' })),
  } satisfies DisplayBoard,
});

describe('DisplayPage', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    localStorage.clear();
  });
  afterEach(() => vi.useRealTimers());

  function show(answers: BoardAnswer[]) {
    const fetchBoard = vi.fn(async () => answers.shift() ?? { kind: 'unreachable' as const });
    const voice = { announce: vi.fn() };
    render(<DisplayPage fetchBoard={fetchBoard} voice={voice} />);
    return { voice };
  }

  it('shows the numbers asked back and those being served, headed in both languages', async () => {
    show([board(['A-002'], ['A-001'])]);
    await act(() => vi.advanceTimersByTimeAsync(0));
    const callNow = screen.getByRole('region', { name: /^Silakan kembali ke kiosk/ });
    expect(within(callNow).getByText('A-002')).toBeVisible();
    expect(
      within(screen.getByRole('region', { name: /^Sedang dilayani/ })).getByText('A-001'),
    ).toBeVisible();
  });

  it('announces only numbers newly asked back, once the sound has been allowed by a touch', async () => {
    const { voice } = show([
      board(['A-001']),
      board(['A-001', 'A-002']),
      board(['A-002', 'A-003']),
    ]);
    await act(() => vi.advanceTimersByTimeAsync(0));
    fireEvent.click(screen.getByRole('button', { name: 'Ketuk untuk menyalakan suara' }));
    expect(screen.queryByRole('button', { name: 'Ketuk untuk menyalakan suara' })).toBeNull();
    await act(() => vi.advanceTimersByTimeAsync(POLL_MS));
    await act(() => vi.advanceTimersByTimeAsync(POLL_MS));
    expect(voice.announce.mock.calls).toEqual([['A-002'], ['A-003']]);
  });

  it('stays silent with the sound switched off, and remembers the switch', async () => {
    const { voice } = show([board([]), board(['A-001'])]);
    await act(() => vi.advanceTimersByTimeAsync(0));
    const sound = screen.getByRole('button', { name: /Suara panggilan/ });
    expect(sound).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(sound);
    expect(sound).toHaveAttribute('aria-pressed', 'false');
    await act(() => vi.advanceTimersByTimeAsync(POLL_MS));
    expect(voice.announce).not.toHaveBeenCalled();
    expect(localStorage.getItem('loket.display.sound')).toBe('off');
  });

  it('keeps its last board while the server is gone, says it is reconnecting, and recovers', async () => {
    show([board(['A-001']), { kind: 'unreachable' }, board(['A-002'])]);
    await act(() => vi.advanceTimersByTimeAsync(0));
    await act(() => vi.advanceTimersByTimeAsync(POLL_MS));
    expect(screen.getByRole('status')).toHaveTextContent('Menyambung kembali…Reconnecting…');
    expect(screen.getByText('A-001')).toBeVisible();
    await act(() => vi.advanceTimersByTimeAsync(POLL_MS));
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByText('A-002')).toBeVisible();
  });
});
