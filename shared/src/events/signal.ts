import { z } from 'zod';
import { Id } from '../domain/ids.js';

/** The text of a session description (SDP). */
export const Sdp = z.string().max(64 * 1024);

/** A session description, as RTCPeerConnection produces it. */
export const SessionDescription = z.object({
  type: z.enum(['offer', 'answer', 'pranswer', 'rollback']),
  sdp: Sdp.optional(),
});

/** An ICE candidate, as RTCIceCandidate.toJSON() produces it; null marks the end of candidates. */
export const IceCandidate = z
  .object({
    candidate: z.string().max(2048),
    sdpMid: z.string().max(64).nullable().optional(),
    sdpMLineIndex: z.number().int().min(0).max(1024).nullable().optional(),
    usernameFragment: z.string().max(256).nullable().optional(),
  })
  .nullable();

/**
 * The sending side's call session. A party that comes back with a new one (a reloaded console)
 * has a new connection, so the other side starts its own afresh instead of renegotiating the old.
 */
export const SignalSessionId = z.string().min(1).max(64);
const SignalSession = SignalSessionId.optional();

/** One peer-to-peer signalling message: a description or a candidate. */
export const Signal = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('description'),
    description: SessionDescription,
    session: SignalSession,
  }),
  z.object({ kind: z.literal('candidate'), candidate: IceCandidate, session: SignalSession }),
]);
/** One peer-to-peer signalling message. */
export type Signal = z.infer<typeof Signal>;

/** A signal addressed to the other party of a call. */
export const CallSignal = z.object({ callId: Id, signal: Signal });
/** A signal addressed to the other party of a call. */
export type CallSignal = z.infer<typeof CallSignal>;

/** Names the call a command is about. */
export const CallRef = z.object({ callId: Id });
/** Names the call a command is about. */
export type CallRef = z.infer<typeof CallRef>;
