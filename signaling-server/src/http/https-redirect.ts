import http from 'node:http';

/**
 * A plain-http server that sends every request to the same path over https (308, so a POST
 * stays a POST): to `publicUrl` when it is set, else to the host the browser asked for, on
 * `httpsPort`. Nothing is served over plain http.
 */
export function httpsRedirect(publicUrl: string | undefined, httpsPort: number): http.Server {
  return http.createServer((req, res) => {
    const target = redirectTarget(req.headers.host, req.url ?? '/', publicUrl, httpsPort);
    if (!target) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad Request');
      return;
    }
    res.writeHead(308, { location: target }).end();
  });
}

/** Where a plain-http request for `path` at `host` goes on https; null for a bad Host header. */
export function redirectTarget(
  host: string | undefined,
  path: string,
  publicUrl: string | undefined,
  httpsPort: number,
): string | null {
  const safePath = path.startsWith('/') && !path.startsWith('//') ? path : '/';
  if (publicUrl?.startsWith('https://')) return `${new URL(publicUrl).origin}${safePath}`;
  // A Host header is a name or an address and an optional port, nothing more.
  const hostname = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d+)?$/i.exec(host ?? '')?.[1];
  if (!hostname) return null;
  return `https://${hostname}${httpsPort === 443 ? '' : `:${httpsPort}`}${safePath}`;
}
