import { createStore } from 'zustand/vanilla';
import { createAgentSlice } from './agentSlice';
import { createCallSlice } from './callSlice';
import { createOfferSlice } from './offerSlice';
import { createQueueSlice } from './queueSlice';
import { createSessionSlice } from './sessionSlice';
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
  }));
}

/** A console store. */
export type ConsoleStore = ReturnType<typeof createConsoleStore>;

/** The app's one store. Sockets, media and peer connections are never kept in it. */
export const consoleStore = createConsoleStore();
