import { vi } from 'vitest';

/** One answer of a stubbed route: its status and JSON body. */
export type Answer = [status: number, body: unknown];

/**
 * Stubs `fetch` so that each `METHOD path` answers the next of its answers in turn (the last one
 * again once they run out); returns the mock, whose calls say what was sent.
 */
export function answerRoutes(answers: Record<string, Answer[]>) {
  const served = new Map<string, number>();
  const fetchMock = vi.fn(async (path: string, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${path}`;
    const list = answers[key];
    if (!list?.length) throw new Error(`no answer for ${key}`);
    const index = served.get(key) ?? 0;
    served.set(key, index + 1);
    const [status, body] = list[Math.min(index, list.length - 1)]!;
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The requests `fetchMock` got for `METHOD path`, with their parsed bodies. */
export function sentTo(fetchMock: ReturnType<typeof answerRoutes>, key: string): unknown[] {
  return fetchMock.mock.calls
    .filter(([path, init]) => `${init?.method ?? 'GET'} ${path}` === key)
    .map(([, init]) => (init?.body ? JSON.parse(init.body as string) : undefined));
}
