import { consoleStore } from './index';

/**
 * The store's actions as plain functions, for socket listeners and call wiring outside React.
 * Zustand creates them once, so taking them from the first state is safe.
 */
export const {
  signedIn,
  signedOut,
  connectionChanged,
  consoleReplaced,
  agentUpdated,
  bootstrapped,
  servicesChanged,
  commandStarted,
  commandSettled,
  noticeShown,
  errorShown,
  offerReceived,
  offerWithdrawn,
  offerAnswered,
  callStarted,
  callEnded,
  callNotesChanged,
  micToggled,
  cameraToggled,
  snapshotLoaded,
  deltaReceived,
  kiosksLoaded,
  kioskReported,
} = consoleStore.getState();
