/**
 * Telling cameras from screen shares on a peer connection: both cameras share the first video
 * transceiver; each side's screen share is a later, send-only one, kept inactive between shares.
 */

/** The first video transceiver that is not this side's screen share: it carries both cameras. */
export function cameraTransceiver(
  pc: RTCPeerConnection,
  ownScreen: RTCRtpTransceiver | null,
): RTCRtpTransceiver | undefined {
  return pc.getTransceivers().find((t) => t !== ownScreen && t.receiver.track.kind === 'video');
}

/** The other party's screen share as last negotiated, or null when they share none. */
export function remoteScreenTrack(
  pc: RTCPeerConnection,
  ownScreen: RTCRtpTransceiver | null,
): MediaStreamTrack | null {
  const camera = cameraTransceiver(pc, ownScreen);
  const screen = pc
    .getTransceivers()
    .find(
      (t) =>
        t !== camera &&
        t !== ownScreen &&
        t.receiver.track.kind === 'video' &&
        (t.currentDirection === 'recvonly' || t.currentDirection === 'sendrecv'),
    );
  return screen?.receiver.track ?? null;
}

/** A new send-only transceiver for `screen`, or null if it has no video track. */
export function addScreenTransceiver(
  pc: RTCPeerConnection,
  screen: MediaStream,
): RTCRtpTransceiver | null {
  const [track] = screen.getVideoTracks();
  return track ? pc.addTransceiver(track, { direction: 'sendonly', streams: [screen] }) : null;
}

/** Sends `screen` on the transceiver an earlier share left inactive. */
export async function resumeScreenTransceiver(
  transceiver: RTCRtpTransceiver,
  screen: MediaStream,
  track: MediaStreamTrack,
): Promise<void> {
  await transceiver.sender.replaceTrack(track);
  transceiver.sender.setStreams(screen);
  transceiver.direction = 'sendonly';
}

/**
 * Stops sending a screen share. The transceiver is kept, inactive, for the next share: the
 * session does not grow a transceiver per share.
 */
export function pauseScreenTransceiver(transceiver: RTCRtpTransceiver): void {
  void transceiver.sender.replaceTrack(null);
  transceiver.direction = 'inactive';
}
