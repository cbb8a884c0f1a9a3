import type { PairingOutcome } from './pairing';

// The socket, the contract's schemas and zod are most of the kiosk's weight, and the first screen
// needs none of them to paint: they load beside it and connect as soon as they arrive.

/** Connects the kiosk once the connection's code has loaded (see `connection.ts`). */
export function startConnection(): void {
  void import('./connection').then((connection) => connection.startConnection());
}

/** Exchanges a one-time pairing code for this kiosk's credential (see `pairing.ts`). */
export async function pairWithCode(code: string): Promise<PairingOutcome> {
  const pairing = await import('./pairing');
  return pairing.pairWithCode(code);
}
