export type { CallConnectionState, CallSession, CallSessionEvents } from './call-session.js';
export type { MediaKind } from './call-session.js';
export {
  rateLink,
  UNKNOWN_QUALITY,
  worstQuality,
  type CallQuality,
  type CallQualityReport,
  type LinkSample,
} from './call-quality.js';
export type { SignalChannel } from './signal-channel.js';
export { P2PCallSession, type P2PCallOptions } from './p2p-call-session.js';
export { LiveKitCallSession, type LiveKitCallOptions } from './livekit-call-session.js';
export { SIGN_LANGUAGE_VIDEO } from './sign-language-video.js';
export { IDLE_CALL, type CallController, type CallSnapshot } from './call-controller.js';
export { setupCall, type SetupCallOptions } from './setup-call.js';
export { CallSlot } from './call-slot.js';
export {
  MonitorSession,
  type MonitorSessionEvents,
  type MonitorSessionOptions,
  type MonitorState,
} from './monitor-session.js';
export { isWorthAnnouncing } from './call-quality.js';
export { listenForSpeech, type ListenOptions, type SpeechScope } from './speech-recognition.js';
export { captionSender, type SendLine } from './caption-sender.js';
export { captureSpeech, downsample } from './speech-capture.js';
export { UtteranceSegmenter, type SpeechPiece } from './utterances.js';
