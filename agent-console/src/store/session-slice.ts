import type { SessionUser } from '@loket/shared';
import { initialAgent } from './agent-slice';
import { initialCall } from './call-slice';
import { initialOffer } from './offer-slice';
import { initialKiosks } from './kiosk-slice';
import { initialQueue } from './queue-slice';
import type { SliceCreator } from './types';

/** Whether we know who is signed in yet. */
export type SessionStatus = 'unknown' | 'signedOut' | 'signedIn';

/**
 * State of the live socket of the current screen; `replaced` when the officer opened the console
 * elsewhere, which now holds the connection until they take it back here.
 */
export type Connection = 'connecting' | 'connected' | 'disconnected' | 'replaced';

/** Who is signed in and how the live link stands. */
export interface SessionSlice {
  sessionStatus: SessionStatus;
  user: SessionUser | null;
  /** The last session ended by itself (cookie expired), not by signing out. */
  sessionExpired: boolean;
  connection: Connection;
  signedIn(user: SessionUser): void;
  /** Forgets the user and everything learned while signed in. */
  signedOut(reason?: 'expired'): void;
  connectionChanged(connection: Connection): void;
  /** The console was opened elsewhere: the offer and the call are that console's now. */
  consoleReplaced(): void;
}

export const initialSession = {
  sessionStatus: 'unknown',
  user: null,
  sessionExpired: false,
  connection: 'connecting',
} satisfies Partial<SessionSlice>;

export const createSessionSlice: SliceCreator<SessionSlice> = (set) => ({
  ...initialSession,
  signedIn: (user) => set({ sessionStatus: 'signedIn', user, sessionExpired: false }),
  signedOut: (reason) =>
    set({
      ...initialSession,
      ...initialAgent,
      ...initialOffer,
      ...initialCall,
      ...initialQueue,
      ...initialKiosks,
      sessionStatus: 'signedOut',
      sessionExpired: reason === 'expired',
    }),
  connectionChanged: (connection) => set({ connection }),
  consoleReplaced: () => set({ ...initialOffer, ...initialCall, connection: 'replaced' }),
});
