export type { CallConnectionState, CallSession, CallSessionEvents } from './call-session.js';
export type { SignalChannel } from './signal-channel.js';
export { P2PCallSession, type P2PCallOptions } from './p2p-call-session.js';
export {
  LiveKitCallSession,
  SIGN_LANGUAGE_VIDEO,
  type LiveKitCallOptions,
} from './livekit-call-session.js';
export { createCallSession, type CallSessionOptions } from './create-call-session.js';
