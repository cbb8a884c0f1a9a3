import type { AgentBootstrap, AgentView, Disposition, ServiceView } from '@loket/shared';
import type { ConsoleErrorCode } from '../lib/errors';
import { initialCall } from './call-slice';
import type { Notice, NoticeKey } from './notice';
import { notice } from './notice';
import type { SliceCreator } from './types';

/** Agent commands that disable their buttons while they run. */
export type PendingCommand = 'status' | 'offer' | 'endCall';

/** The signed-in agent's own state, and what the console tells them about it. */
export interface AgentSlice {
  agent: AgentView | null;
  notice: Notice | null;
  error: ConsoleErrorCode | null;
  pending: PendingCommand | null;
  /** The services of the office, e.g. to transfer a call to. */
  services: ServiceView[];
  /** The outcomes the office lets its officers pick at wrap-up. */
  dispositions: Disposition[];
  agentUpdated(agent: AgentView): void;
  /** Restores agent, offer and call after a (re)connect; a call that goes on keeps its state. */
  bootstrapped(bootstrap: AgentBootstrap): void;
  /** An administrator changed the office's services: names and transfer targets follow at once. */
  servicesChanged(services: ServiceView[]): void;
  commandStarted(command: PendingCommand): void;
  /** Ends the running command, with the error it failed with if any. */
  commandSettled(error?: ConsoleErrorCode): void;
  noticeShown(key: NoticeKey): void;
  errorShown(error: ConsoleErrorCode | null): void;
}

export const initialAgent = {
  agent: null,
  notice: null,
  error: null,
  pending: null,
  services: [],
  dispositions: [],
} satisfies Partial<AgentSlice>;

export const createAgentSlice: SliceCreator<AgentSlice> = (set) => ({
  ...initialAgent,
  agentUpdated: (agent) => set({ agent }),
  bootstrapped: ({ agent, offer, call, services, lastServed, dispositions }) =>
    set((state) => ({
      agent,
      offer,
      services,
      dispositions,
      ...(call?.callId === state.call?.callId ? {} : { ...initialCall, call }),
      // A console reloaded in wrap-up learns the visit it may still write its notes to.
      ...(call || state.lastServed ? {} : { lastServed, callNotes: lastServed?.notes ?? '' }),
    })),
  servicesChanged: (services) => set({ services }),
  commandStarted: (command) => set({ pending: command, error: null }),
  commandSettled: (error) => set({ pending: null, error: error ?? null }),
  noticeShown: (key) => set({ notice: notice(key) }),
  errorShown: (error) => set({ error }),
});
