import type { DisplayBoard } from '@loket/shared';
import { useEffect, useState } from 'react';
import type { BoardAnswer } from './display-api';

/** How often the display asks: a called visitor sees their number within a few seconds. */
export const POLL_MS = 3000;

/** The board, and whether the last request got through; null before the first. */
export interface BoardState {
  board: DisplayBoard | null;
  link: 'loading' | 'live' | 'reconnecting' | 'notFound';
}

/**
 * Follows the lobby's board, asking every few seconds whatever happens: a display that lost the
 * server keeps its last board, says it is reconnecting, and recovers by itself.
 */
export function useBoard(fetchBoard: () => Promise<BoardAnswer>): BoardState {
  const [state, setState] = useState<BoardState>({ board: null, link: 'loading' });
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const answer = await fetchBoard();
      if (stopped) return;
      setState((current) => {
        if (answer.kind === 'board') return { board: answer.board, link: 'live' };
        if (answer.kind === 'notFound') return { board: null, link: 'notFound' };
        return { ...current, link: 'reconnecting' };
      });
      timer = setTimeout(() => void ask(), POLL_MS);
    };
    void ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [fetchBoard]);
  return state;
}
