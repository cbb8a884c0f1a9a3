import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';
import type { Server } from 'socket.io';
import type { OriginPolicy } from '../auth/origin.js';
import { SlidingWindow } from '../auth/sliding-window.js';
import type { Logger } from '../log.js';

/** Which forwarded addresses to believe, as Express's `trust proxy` takes it. */
export type TrustProxy = boolean | number | string[];

/**
 * Reads the client's address from a request, believing X-Forwarded-For only from the proxies
 * TRUST_PROXY names; the rule is compiled once, as every handshake asks.
 */
export function addressReader(trust: TrustProxy): (req: IncomingMessage) => string {
  // Believing nobody, the address is the socket's own: what proxy-addr would answer, unparsed.
  if (trust === false) return (req) => req.socket.remoteAddress ?? '';
  const trusted =
    typeof trust === 'boolean'
      ? () => trust
      : typeof trust === 'number'
        ? (_address: string, hop: number) => hop < trust
        : proxyaddr.compile(trust);
  return (req) => proxyaddr(req, trusted);
}

/**
 * Handshakes one address may make in this window: twice as many as it may hold open, so a whole
 * office behind one NAT reconnects at once after a network blip, while a client that reconnects
 * in a loop to reset its budgets is slowed to a few a second.
 */
const HANDSHAKE_WINDOW_MS = 10_000;

/** The address an open connection is counted under, kept on the connection for its close. */
const ADDRESS = Symbol('loket.address');

/** An engine.io connection, as far as counting it needs. */
interface RawConnection {
  request: IncomingMessage;
  on(event: 'close', listener: (this: CountedConnection) => void): void;
}

/** A connection being counted: its address is kept on it from its first moment. */
interface CountedConnection extends RawConnection {
  [ADDRESS]: string;
}

/**
 * Guards every socket.io handshake: the page's Origin must be allowed, and one address may hold
 * only so many open connections (an office behind one NAT shares an address, so the cap is
 * generous; it stops one machine from opening thousands).
 */
export class ConnectionGuard {
  private readonly open = new Map<string, number>();
  private readonly handshakes: SlidingWindow;
  private prunedAt = 0;
  private readonly addressOf: (req: IncomingMessage) => string;

  constructor(private readonly rules: ConnectionRules) {
    this.handshakes = new SlidingWindow(2 * rules.maxPerAddress, HANDSHAKE_WINDOW_MS);
    this.addressOf = addressReader(rules.trustProxy);
  }

  /** socket.io's `allowRequest`: called once per handshake, before anything is parsed. */
  readonly allowRequest = (
    req: IncomingMessage,
    callback: (err: string | null | undefined, success: boolean) => void,
  ): void => {
    const { origins, maxPerAddress, log } = this.rules;
    if (!origins.allows(req)) {
      log.info({ origin: req.headers.origin }, 'socket refused: origin not allowed');
      return callback('origin not allowed', false);
    }
    const address = this.addressOf(req);
    const now = Date.now();
    if (!this.handshakes.check(address, now).allowed) {
      log.warn({ address }, 'socket refused: too many handshakes from one address');
      return callback('too many connections from this address', false);
    }
    this.handshakes.record(address, now);
    if (now - this.prunedAt > HANDSHAKE_WINDOW_MS) {
      this.prunedAt = now;
      this.handshakes.prune(now);
    }
    const open = this.open.get(address) ?? 0;
    if (open >= maxPerAddress) {
      log.warn({ address, open }, 'socket refused: too many connections from one address');
      return callback('too many connections from this address', false);
    }
    callback(null, true);
  };

  /**
   * Counts the server's open connections by address. One listener serves every connection's
   * close (engine.io closes a connection once), so an open connection holds only its address.
   * The address is read again here and kept on the connection, never on the request: engine.io
   * deletes a property it put on the request, and V8 keeps an object whose earlier property was
   * deleted as a dictionary, so one more property on it would make every open socket's request
   * larger and slower to read.
   */
  watch(io: Server): void {
    const open = this.open;
    const addressOf = this.addressOf;
    function closed(this: CountedConnection) {
      const address = this[ADDRESS];
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    }
    io.engine.on('connection', (raw: RawConnection) => {
      const address = addressOf(raw.request);
      (raw as CountedConnection)[ADDRESS] = address;
      open.set(address, (open.get(address) ?? 0) + 1);
      raw.on('close', closed);
    });
  }
}

/** What a handshake is checked against. */
export interface ConnectionRules {
  origins: OriginPolicy;
  trustProxy: TrustProxy;
  maxPerAddress: number;
  log: Logger;
}
