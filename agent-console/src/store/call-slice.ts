import type { AgentBootstrap, CallEndReason, CallEnded, CallStart } from '@loket/shared';
import type { NoticeKey } from './notice';
import { notice } from './notice';
import type { SliceCreator } from './types';

/** The call this agent is in, and the choices they made for it. */
export interface CallSlice {
  call: CallStart | null;
  micMuted: boolean;
  cameraOff: boolean;
  /** The visit of the call that just ended, to which the officer may write a note until the next. */
  lastServed: AgentBootstrap['lastServed'];
  /** The officer's notes on the call, as typed: kept from the call into its wrap-up. */
  callNotes: string;
  callNotesChanged(notes: string): void;
  callStarted(call: CallStart): void;
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
  micMuted: false,
  cameraOff: false,
  lastServed: null,
  callNotes: '',
} satisfies Partial<CallSlice>;

export const createCallSlice: SliceCreator<CallSlice> = (set) => ({
  ...initialCall,
  callStarted: (call) => set({ ...initialCall, call, offer: null, notice: null }),
  callEnded: ({ callId, reason }) =>
    set((state) =>
      state.call?.callId === callId
        ? {
            ...initialCall,
            callNotes: state.callNotes,
            notice: notice(NOTICE_BY_REASON[reason]),
            // A transferred visitor is served by someone else; their note is that officer's.
            lastServed:
              reason === 'transferred'
                ? null
                : {
                    ticketId: state.call.ticketId,
                    ticketNumber: state.call.ticketNumber,
                    notes: state.callNotes,
                    disposition: null,
                  },
          }
        : {},
    ),
  callNotesChanged: (callNotes) => set({ callNotes }),
  micToggled: () => set((state) => ({ micMuted: !state.micMuted })),
  cameraToggled: () => set((state) => ({ cameraOff: !state.cameraOff })),
});
