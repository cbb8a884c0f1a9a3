import type { DisplayBoard } from '@loket/shared';
import { useEffect, useRef } from 'react';

/**
 * Calls `announce` once for each ticket newly asked back to its kiosk. The numbers on the board
 * when the display starts are not announced: they were called before anyone could hear.
 */
export function useCallOuts(board: DisplayBoard | null, announce: (number: string) => void): void {
  const known = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!board) return;
    const now = new Set(board.callNow.map((ticket) => ticket.number));
    if (known.current) for (const number of now) if (!known.current.has(number)) announce(number);
    known.current = now;
  }, [board, announce]);
}
