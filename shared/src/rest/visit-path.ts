// Plain data, free of zod, so that the kiosk's waiting screen can use it without the contract.

/** Where a visit's phone page lives, relative to the server's address; the token is never sent. */
export function visitPath(token: string): string {
  return `/kiosk/visit.html#${token}`;
}

/** Where a visit's summary lives, relative to the server's address; the token is never sent. */
export function summaryPath(token: string): string {
  return `/kiosk/summary.html#${token}`;
}
