import type { CallStart } from '../domain/call.js';
import type { CallSession } from './call-session.js';
import { LiveKitCallSession } from './livekit-call-session.js';
import { P2PCallSession } from './p2p-call-session.js';
import type { SignalChannel } from './signal-channel.js';

/** What starting a call's media takes: the server's `call:started` and a signalling path. */
export interface CallSessionOptions {
  call: CallStart;
  signals: SignalChannel;
}

/** Builds the call session for the transport the server chose for this call. */
export function createCallSession({ call, signals }: CallSessionOptions): CallSession {
  switch (call.transport) {
    case 'p2p':
      return new P2PCallSession({ iceServers: call.iceServers, polite: call.polite, signals });
    case 'livekit':
      if (!call.livekit) throw new Error('call:started for LiveKit came without a token');
      return new LiveKitCallSession({ ...call.livekit, signLanguage: call.signLanguage ?? false });
  }
}
