import { createStore } from 'zustand/vanilla';
import { createAgentSlice } from './agent-slice';
import { createCallSlice } from './call-slice';
import { createKioskSlice } from './kiosk-slice';
import { createOfferSlice } from './offer-slice';
import { createQueueSlice } from './queue-slice';
import { createSessionSlice } from './session-slice';
import type { ConsoleState } from './types';

export type { ConsoleState } from './types';

/** A fresh console store; the app uses one, tests make their own. */
export function createConsoleStore() {
  return createStore<ConsoleState>()((...a) => ({
    ...createSessionSlice(...a),
    ...createAgentSlice(...a),
    ...createOfferSlice(...a),
    ...createCallSlice(...a),
    ...createQueueSlice(...a),
    ...createKioskSlice(...a),
  }));
}

/** A console store. */
export type ConsoleStore = ReturnType<typeof createConsoleStore>;

/** The app's one store. Sockets, media and peer connections are never kept in it. */
export const consoleStore = createConsoleStore();
