import { vi } from 'vitest';

/** Makes every `fetch` answer `status` with `body` as JSON; returns the mock to inspect. */
export function answerFetch(status: number, body: unknown) {
  const fetchMock = vi.fn(
    async () =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The JSON body of the `call`-th request made through `fetchMock`. */
export function sentBody(fetchMock: ReturnType<typeof answerFetch>, call = 0): unknown {
  return JSON.parse(
    (fetchMock.mock.calls[call] as unknown as [string, RequestInit])[1].body as string,
  );
}
