import type { IncomingMessage } from 'node:http';

/**
 * Which page origins may open sockets and change state: the server's public address, the origins
 * named in CORS_ORIGINS, and the address the request itself was sent to (same origin, so a
 * server reached by IP on the office network, or a development server, keeps working). Anything
 * else — another port or a sibling subdomain of the same site, which SameSite cookies let
 * through — is refused. A request without Origin is not from a web page (a browser always sends
 * one on WebSocket handshakes and on POST), so it carries no page's cookies by accident.
 */
export class OriginPolicy {
  private readonly allowed: Set<string>;

  constructor(publicUrl: string | undefined, corsOrigins: readonly string[]) {
    this.allowed = new Set(
      [...(publicUrl ? [publicUrl] : []), ...corsOrigins].map((url) => new URL(url).origin),
    );
  }

  /** Whether a request comes from an allowed page, or from no page at all. */
  allows(req: Pick<IncomingMessage, 'headers' | 'socket'>): boolean {
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    if (this.allowed.has(origin)) return true;
    const host = req.headers.host;
    const scheme = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
    return host !== undefined && origin === `${scheme}://${host}`;
  }
}
