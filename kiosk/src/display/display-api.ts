import { DisplayBoard, ErrorBody, Id, restRoutes } from '@loket/shared';

/** What the server said of the lobby: the board, no such office, or not reachable now. */
export type BoardAnswer =
  { kind: 'board'; board: DisplayBoard } | { kind: 'notFound' } | { kind: 'unreachable' };

/** The office a display's address names (`?office=<id>`); undefined: the server's only one. */
export function officeOfAddress(search: string): string | undefined {
  const office = Id.safeParse(new URLSearchParams(search).get('office'));
  return office.success ? office.data : undefined;
}

/** Asks for the lobby's board once. */
export async function fetchBoard(officeId: string | undefined): Promise<BoardAnswer> {
  let response: Response;
  try {
    response = await fetch(restRoutes.displayBoard.path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ officeId }),
    });
  } catch {
    return { kind: 'unreachable' };
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    const board = DisplayBoard.safeParse(json);
    return board.success ? { kind: 'board', board: board.data } : { kind: 'unreachable' };
  }
  const refused = ErrorBody.safeParse(json);
  return refused.success && refused.data.error.code === 'NOT_FOUND'
    ? { kind: 'notFound' }
    : { kind: 'unreachable' };
}
