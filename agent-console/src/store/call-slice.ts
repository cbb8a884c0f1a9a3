import type { CallEndReason, CallEnded, CallStart } from '@loket/shared';
import type { CallConnectionState, CallQualityReport } from '@loket/shared/media';
import type { NoticeKey } from './notice';
import { notice } from './notice';
import type { SliceCreator } from './types';

/** The call this agent is in, and the choices they made for it. */
export interface CallSlice {
  call: CallStart | null;
  callState: CallConnectionState;
  micMuted: boolean;
  cameraOff: boolean;
  /** Connection quality of the agent's link and the visitor's. */
  callQuality: CallQualityReport;
  /** The agent is sharing their screen with the visitor. */
  sharingScreen: boolean;
  callStarted(call: CallStart): void;
  callStateChanged(state: CallConnectionState): void;
  callQualityChanged(quality: CallQualityReport): void;
  screenShareChanged(sharing: boolean): void;
  /** Clears the call if it is the one that ended, and says why. */
  callEnded(ended: CallEnded): void;
  micToggled(): void;
  cameraToggled(): void;
}

const NOTICE_BY_REASON: Record<CallEndReason, NoticeKey> = {
  ended_by_agent: 'callEnded',
  ended_by_visitor: 'callEndedByVisitor',
  connection_lost: 'callConnectionLost',
  transferred: 'callTransferred',
};

export const initialCall = {
  call: null,
  callState: 'connecting',
  micMuted: false,
  cameraOff: false,
  // Spelled out rather than imported: the store must not pull the media module into the first bundle.
  callQuality: { local: 'unknown', remote: 'unknown' },
  sharingScreen: false,
} satisfies Partial<CallSlice>;

export const createCallSlice: SliceCreator<CallSlice> = (set) => ({
  ...initialCall,
  callStarted: (call) => set({ ...initialCall, call, offer: null, notice: null }),
  callStateChanged: (callState) => set({ callState }),
  callQualityChanged: (callQuality) => set({ callQuality }),
  screenShareChanged: (sharingScreen) => set({ sharingScreen }),
  callEnded: ({ callId, reason }) =>
    set((state) =>
      state.call?.callId === callId
        ? { ...initialCall, notice: notice(NOTICE_BY_REASON[reason]) }
        : {},
    ),
  micToggled: () => set((state) => ({ micMuted: !state.micMuted })),
  cameraToggled: () => set((state) => ({ cameraOff: !state.cameraOff })),
});
