import type { CallStart } from '../domain/call.js';
import type { CallSession } from './call-session.js';
import { LiveKitCallSession } from './livekit-call-session.js';
import { P2PCallSession } from './p2p-call-session.js';
import type { SignalChannel } from './signal-channel.js';

/** What starting a call's media takes: the server's `call:started` and a signalling path. */
export interface CallSessionOptions {
  call: CallStart;
  signals: SignalChannel;
  /** The peer-to-peer session connected ahead while the offer rang. */
  prepared?: P2PCallSession;
  /** The call's LiveKit room, joined while the offer rang. */
  preparedRoom?: LiveKitCallSession;
}

/** Builds the call session for the transport the server chose for this call. */
export function createCallSession({
  call,
  signals,
  prepared,
  preparedRoom,
}: CallSessionOptions): CallSession {
  switch (call.transport) {
    case 'p2p':
      if (prepared) return prepared;
      return new P2PCallSession({
        iceServers: call.iceServers,
        polite: call.polite,
        signals,
        signLanguage: call.signLanguage ?? false,
      });
    case 'livekit':
      if (preparedRoom) return preparedRoom;
      if (!call.livekit) throw new Error('call:started for LiveKit came without a token');
      return new LiveKitCallSession({ ...call.livekit, signLanguage: call.signLanguage ?? false });
  }
}
