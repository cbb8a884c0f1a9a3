import { FakeSocket } from './fake-socket';

/** The manager socket a test drives by hand, standing in for `lib/manager-socket`. */
const held = { current: null as FakeSocket | null };

/** A fresh manager socket for the next test. */
export function newManagerSocket(): FakeSocket {
  held.current = new FakeSocket();
  return held.current;
}

/** The manager socket of the running test. */
export function fake(): FakeSocket {
  if (!held.current) throw new Error('no socket');
  return held.current;
}

/**
 * What `lib/manager-socket` is replaced with:
 * `vi.mock('…/lib/manager-socket', () => import('…/test/manager-socket-mock'))`.
 */
export const connectManagerSocket = () => held.current;
export const managerSocket = () => held.current;
export const disconnectManagerSocket = () => held.current?.disconnect();
