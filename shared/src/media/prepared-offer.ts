import type { IceServer } from '../domain/call.js';
import { newSessionId } from './peer-session.js';

/** How long preparing waits for ICE candidates; any found later trickle once the call starts. */
const GATHER_LIMIT_MS = 1000;

function gathered(pc: RTCPeerConnection, limitMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      pc.removeEventListener('icegatheringstatechange', check);
      resolve();
    };
    const check = () => {
      if (pc.iceGatheringState === 'complete') done();
    };
    const timer = setTimeout(done, limitMs);
    pc.addEventListener('icegatheringstatechange', check);
    check();
  });
}

/**
 * A peer-to-peer connection set up while an offer rings: camera and microphone attached, the
 * offer made and its candidates gathered. The accept carries the offer to the kiosk and the
 * call's session takes the connection over, so the call starts without waiting for the accept's
 * answer and the offer's creation. Nothing reaches the kiosk before the accept.
 */
export class PreparedP2POffer {
  readonly session = newSessionId();
  #late: (RTCIceCandidate | null)[] | null = [];

  private constructor(
    readonly pc: RTCPeerConnection,
    readonly local: MediaStream,
    /** The offer with every candidate found while preparing. */
    readonly sdp: string,
  ) {
    pc.addEventListener('icecandidate', ({ candidate }) => this.#late?.push(candidate));
  }

  /** Makes the connection and its offer; rejects (leaving nothing open) if the browser cannot. */
  static async prepare(iceServers: IceServer[], local: MediaStream): Promise<PreparedP2POffer> {
    const pc = new RTCPeerConnection({ iceServers });
    try {
      for (const track of local.getTracks()) pc.addTrack(track, local);
      await pc.setLocalDescription();
      await gathered(pc, GATHER_LIMIT_MS);
      const sdp = pc.localDescription?.sdp;
      if (!sdp) throw new Error('the prepared connection has no offer');
      return new PreparedP2POffer(pc, local, sdp);
    } catch (error) {
      pc.close();
      throw error;
    }
  }

  /**
   * Hands the connection to a call's session: the candidates found after the offer was taken,
   * which the session sends itself from then on.
   */
  adopt(): (RTCIceCandidate | null)[] {
    const late = this.#late ?? [];
    this.#late = null;
    return late;
  }

  /** Gives the connection up (declined, withdrawn, or the accept failed). */
  close(): void {
    this.#late = null;
    this.pc.close();
  }
}
