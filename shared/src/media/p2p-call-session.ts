import type { IceServer } from '../domain/call.js';
import type { Signal } from '../events/signal.js';
import { BaseCallSession } from './base-call-session.js';
import type { CallConnectionState, MediaKind } from './call-session.js';
import {
  askForKeyframes,
  holdVideo,
  loadEncodedVideo,
  type HeldVideo,
  type KeyframeAsker,
} from './encoded-video.js';
import { offerCollides } from './offer-collision.js';
import { watchLinkQuality } from './p2p-quality.js';
import { newSessionId, PeerSessions } from './peer-session.js';
import {
  addScreenTransceiver,
  cameraTransceiver,
  pauseScreenTransceiver,
  remoteScreenTrack,
  resumeScreenTransceiver,
} from './screen-transceiver.js';
import type { SignalChannel } from './signal-channel.js';
import { askForSigningVideo, keepFrameRate } from './sign-language-video.js';
import { holdSigningFrameRate } from './signing-resolution.js';
import { START_BITRATE_KBPS, withStartBitrate } from './start-bitrate.js';

/** What a peer-to-peer call needs from the server's `call:started`. */
export interface P2PCallOptions {
  iceServers: IceServer[];
  polite: boolean;
  signals: SignalChannel;
  /** Ask for 720p at 25 fps and keep the frame rate when bandwidth drops. */
  signLanguage?: boolean;
}

/** How long the polite side waits for the other party's offer before offering itself. */
const POLITE_WAIT_MS = 1500;

const STATE_BY_PEER: Record<RTCPeerConnectionState, CallConnectionState> = {
  new: 'connecting',
  connecting: 'connecting',
  connected: 'connected',
  disconnected: 'reconnecting',
  failed: 'reconnecting',
  closed: 'ended',
};

/**
 * A call over one RTCPeerConnection using the "perfect negotiation" pattern, so either side may
 * (re)negotiate at any time and glare resolves itself: the impolite side wins, the polite side
 * rolls back. A failed connection restarts ICE instead of ending the call.
 *
 * Both cameras share the first video transceiver; a screen share is a later, send-only one. So
 * the receiving side tells the two apart by transceiver, with no message of its own.
 *
 * Every signal names the session that sent it. When the other party comes back with a new
 * session (its page was reloaded mid-call), its old connection is gone for good: this side closes
 * its own and starts a fresh one, and late signals of the old session are dropped.
 */
export class P2PCallSession extends BaseCallSession {
  #pc: RTCPeerConnection;
  readonly #iceServers: IceServer[];
  readonly #session: string;
  readonly #peerSessions = new PeerSessions();
  #everConnected = false;
  readonly #polite: boolean;
  readonly #signals: SignalChannel;
  #makingOffer = false;
  #applyingAnswer = false;
  #ignoreOffer = false;
  readonly #unsubscribe: () => void;
  #stopWatching: () => void = () => undefined;
  #stopHoldingFrameRate: () => void = () => undefined;
  #tracksAdded = false;
  #fallback: ReturnType<typeof setTimeout> | null = null;
  #screenTransceiver: RTCRtpTransceiver | null = null;
  readonly #signLanguage: boolean;
  /** Connected ahead of the call: camera and microphone go on the transceivers made for them. */
  #ahead = false;
  /** The camera sender's hold, made with the connection ahead: nothing leaves until the accept. */
  #hold: HeldVideo | null = null;
  /** The camera to hold while the offer rings, and whether it is on the held sender. */
  #heldTrack: MediaStreamTrack | null = null;
  #heldOn = false;
  /** The answering side's camera receiver on the connection made ahead asks for a keyframe. */
  #asker: KeyframeAsker | null = null;

  constructor(options: P2PCallOptions) {
    super();
    this.#signLanguage = options.signLanguage ?? false;
    this.#polite = options.polite;
    this.#signals = options.signals;
    this.#iceServers = options.iceServers;
    this.#session = newSessionId();
    this.#pc = this.#connect();
    // Listen from the start: the other party may offer while this side is still opening its camera.
    this.#unsubscribe = this.#signals.subscribe((signal) => void this.#onSignal(signal));
  }

  /**
   * Connects before the call, while its offer rings, with nothing to send: the offering side
   * negotiates an audio and a video transceiver without tracks, the other answers them both ways.
   * ICE and DTLS are done by the accept, which then only puts camera and microphone on them
   * (`join`); until then no media flows either way.
   */
  connectAhead(): void {
    if (this.#ahead || this.#tracksAdded || this.hasEnded()) return;
    this.#ahead = true;
    const loaded = loadEncodedVideo();
    // The camera's hold has to be on its transceiver before the offer: the worker first.
    if (this.#polite) return;
    void loaded.then(() => {
      if (!this.#tracksAdded && !this.hasEnded()) this.#offerAhead();
    });
  }

  #offerAhead(): void {
    if (this.#pc.getTransceivers().length > 0) return;
    this.#pc.addTransceiver('audio', { direction: 'sendrecv' });
    this.#hold = holdVideo(this.#pc.addTransceiver('video', { direction: 'sendrecv' }).sender);
    this.#putOnHold();
  }

  /**
   * While the offer rings, puts the camera on the connection made ahead, switched off and with
   * every encoded frame held back in this browser: the encoder is made and running before the
   * accept, which only has to let its frames through. Where there is no hold (no encoded
   * transforms), the camera goes on at the accept, as before.
   */
  holdCamera(local: MediaStream): void {
    const [track] = local.getVideoTracks();
    if (!track || this.#polite || this.#heldTrack || this.#tracksAdded || this.hasEnded()) return;
    this.#heldTrack = track;
    this.#putOnHold();
  }

  #putOnHold(): void {
    const hold = this.#hold;
    const track = this.#heldTrack;
    if (!hold || !track || this.#heldOn) return;
    void hold.holding.then(() => {
      if (this.#hold !== hold || this.#heldTrack !== track || this.#tracksAdded) return;
      const sender = this.#emptyTransceiver('video')?.sender;
      if (!sender || this.hasEnded()) return;
      // Switched off, what it encodes is black: were the gate ever open too early, it shows nothing.
      track.enabled = false;
      this.#heldOn = true;
      void sender.replaceTrack(track);
    });
  }

  /**
   * The camera goes on the held sender as the call's own, switched on unless muted, and its frames
   * are let through from the next keyframe. Null if there is no hold: it goes on the usual way.
   */
  #releaseCamera(track: MediaStreamTrack): RTCRtpSender | null {
    const hold = this.#hold;
    const sender = hold && cameraTransceiver(this.#pc, this.#screenTransceiver)?.sender;
    if (!hold || !sender) return null;
    if (sender.track !== track) void sender.replaceTrack(track);
    if (this.#heldOn && this.#heldTrack && this.#heldTrack !== track) {
      this.#heldTrack.enabled = true;
    }
    this.#heldTrack = null;
    this.#heldOn = false;
    track.enabled = !this.isMuted('video');
    hold.release();
    return sender;
  }

  /**
   * Ends the connection's hold and keyframe asking; a camera held before the accept is switched
   * back on, and held again by the next connection made ahead, if there is one.
   */
  #dropHold(): void {
    this.#asker?.stop();
    this.#asker = null;
    this.#hold?.stop();
    this.#hold = null;
    if (this.#heldOn && this.#heldTrack) this.#heldTrack.enabled = true;
    this.#heldOn = false;
  }

  /** A new peer connection; events of one that has since been replaced are ignored. */
  #connect(): RTCPeerConnection {
    const pc = new RTCPeerConnection({ iceServers: this.#iceServers });
    const current = () => pc === this.#pc;
    pc.addEventListener('negotiationneeded', () => {
      if (current()) void this.#offer();
    });
    pc.addEventListener('icecandidate', ({ candidate }) => {
      if (current()) this.#sendCandidate(candidate);
    });
    pc.addEventListener('track', ({ track, transceiver }) => {
      if (!current()) return;
      if (
        track.kind === 'video' &&
        transceiver !== cameraTransceiver(pc, this.#screenTransceiver)
      ) {
        this.#syncRemoteScreen();
        return;
      }
      if (track.kind === 'video' && this.#ahead && this.#polite && !this.#asker) {
        this.#asker = askForKeyframes(transceiver.receiver);
      }
      this.addRemoteTrack(track);
    });
    pc.addEventListener('connectionstatechange', () => {
      if (current()) this.#onConnectionState();
    });
    this.#stopWatching = watchLinkQuality(pc, (quality) => this.setQuality(quality));
    return pc;
  }

  /**
   * The other party came back with a new session: drop what was negotiated with the old one and
   * connect afresh. The impolite side sends its media and offers at once; the polite side answers
   * the offer that the new session is about to send.
   */
  #startOver(): void {
    // A hold belongs to the connection it was made on; one made before the accept is made again.
    this.#dropHold();
    this.#stopWatching();
    this.#stopHoldingFrameRate();
    this.#pc.close();
    this.clearRemote();
    this.#makingOffer = false;
    this.#applyingAnswer = false;
    this.#ignoreOffer = false;
    this.#tracksAdded = false;
    this.#screenTransceiver = null;
    this.#pc = this.#connect();
    this.setState('reconnecting');
    if (this.#polite) return;
    if (this.#ahead && !this.local) {
      this.#offerAhead();
      return;
    }
    this.#addTracks();
    if (this.screen) this.#screenTransceiver = addScreenTransceiver(this.#pc, this.screen);
  }

  #sendCandidate(candidate: RTCIceCandidate | null): void {
    const init = candidate?.toJSON();
    this.#send({
      kind: 'candidate',
      candidate: init
        ? {
            candidate: init.candidate ?? '',
            sdpMid: init.sdpMid ?? null,
            sdpMLineIndex: init.sdpMLineIndex ?? null,
            usernameFragment: init.usernameFragment ?? null,
          }
        : null,
    });
  }

  #send(signal: Signal): void {
    this.#signals.send({ ...signal, session: this.#session });
  }

  /**
   * Whether a signal belongs to the other party's current session, starting over first when it
   * is the first signal of a new one.
   */
  #fromCurrentPeer(signal: Signal): boolean {
    const verdict = this.#peerSessions.admit(signal.session);
    if (verdict === 'replaced') this.#startOver();
    return verdict !== 'stale';
  }

  /**
   * The impolite side sends its media and offers at once. The polite side waits for that offer and
   * answers with its own media in the same round trip, so a call connects after one exchange
   * instead of a glare and a second one; it offers by itself only if no offer comes in time.
   */
  async join(local: MediaStream): Promise<void> {
    this.useLocal(local);
    // Connected ahead, this session may have connected, and even received, before anyone listened.
    if (this.#ahead) this.replay();
    // The call starts: the officer's camera, held until now, is let through from a keyframe.
    this.#asker?.ask();
    if (!this.#polite || this.#pc.remoteDescription) {
      this.#addTracks();
      return;
    }
    this.#fallback = setTimeout(() => this.#addTracks(), POLITE_WAIT_MS);
  }

  #addTracks(): void {
    const { local } = this;
    if (this.#tracksAdded || !local || this.hasEnded()) return;
    this.#tracksAdded = true;
    if (this.#fallback) clearTimeout(this.#fallback);
    for (const track of local.getTracks()) {
      const held = track.kind === 'video' ? this.#releaseCamera(track) : null;
      if (held) {
        this.#forSigning(held, track);
        continue;
      }
      const ready = this.#ahead ? this.#emptyTransceiver(track.kind) : undefined;
      if (ready) {
        // Negotiated already: the track goes on at once, with no new offer.
        void ready.sender.replaceTrack(track);
        this.#forSigning(ready.sender, track);
      } else this.#forSigning(this.#pc.addTrack(track, local));
    }
  }

  /** The transceiver negotiated ahead for camera or microphone, while it still sends nothing. */
  #emptyTransceiver(kind: string): RTCRtpTransceiver | undefined {
    const transceiver =
      kind === 'video'
        ? cameraTransceiver(this.#pc, this.#screenTransceiver)
        : this.#pc.getTransceivers().find((t) => t.receiver.track.kind === kind);
    const open = transceiver?.direction === 'sendrecv' && !transceiver.sender.track;
    return open ? transceiver : undefined;
  }

  /** The answering side of a connection made ahead sends both ways once camera and mic are on. */
  #answerBothWays(): void {
    if (!this.#ahead || this.#tracksAdded) return;
    for (const kind of ['audio', 'video']) {
      const transceiver = this.#pc.getTransceivers().find((t) => t.receiver.track.kind === kind);
      if (transceiver?.direction === 'recvonly') transceiver.direction = 'sendrecv';
    }
  }

  /**
   * In a sign-language call, the camera's sender asks for a fluid 720p picture and keeps its
   * frame rate, giving up size as the link narrows.
   */
  #forSigning(sender: RTCRtpSender, track = sender.track): void {
    if (!this.#signLanguage || track?.kind !== 'video') return;
    void askForSigningVideo(track).then(() => keepFrameRate(sender));
    this.#stopHoldingFrameRate();
    this.#stopHoldingFrameRate = holdSigningFrameRate(this.#pc, sender);
  }

  protected async sendDevice(
    _kind: MediaKind,
    previous: MediaStreamTrack | undefined,
    next: MediaStreamTrack,
  ): Promise<void> {
    const sender = this.#pc.getSenders().find((s) => s.track && s.track === previous);
    // The sender keeps its place in the negotiated session: no new offer is needed.
    await sender?.replaceTrack(next);
    if (sender) this.#forSigning(sender);
  }

  protected async sendScreen(screen: MediaStream, track: MediaStreamTrack): Promise<void> {
    // The camera goes first, so it keeps the first video transceiver on both sides.
    this.#addTracks();
    const transceiver = this.#screenTransceiver;
    if (transceiver) await resumeScreenTransceiver(transceiver, screen, track);
    else this.#screenTransceiver = addScreenTransceiver(this.#pc, screen);
  }

  protected unsendScreen(): void {
    if (this.#screenTransceiver) pauseScreenTransceiver(this.#screenTransceiver);
  }

  protected release(): void {
    this.#dropHold();
    this.#heldTrack = null;
    this.#unsubscribe();
    this.#stopWatching();
    this.#stopHoldingFrameRate();
    if (this.#fallback) clearTimeout(this.#fallback);
    this.#pc.close();
  }

  /** After each negotiation: is the other party sending a screen, and which track is it? */
  #syncRemoteScreen(): void {
    this.showRemoteScreen(remoteScreenTrack(this.#pc, this.#screenTransceiver));
  }

  async #offer(): Promise<void> {
    try {
      this.#makingOffer = true;
      await this.#pc.setLocalDescription();
      this.#sendDescription();
    } finally {
      this.#makingOffer = false;
    }
  }

  #sendDescription(): void {
    const description = this.#pc.localDescription;
    if (description) {
      this.#send({
        kind: 'description',
        description: { type: description.type, sdp: description.sdp },
      });
    }
  }

  async #onSignal(signal: Signal): Promise<void> {
    if (this.hasEnded() || !this.#fromCurrentPeer(signal)) return;
    if (signal.kind === 'description') {
      const { description } = signal;
      const collision =
        description.type === 'offer' &&
        offerCollides({
          makingOffer: this.#makingOffer,
          signalingState: this.#pc.signalingState,
          applyingAnswer: this.#applyingAnswer,
        });
      this.#ignoreOffer = !this.#polite && collision;
      if (this.#ignoreOffer) return;
      // A polite side that answered before its camera opened offers its tracks right after its
      // answer: that offer may come in while the answer is still being applied here.
      this.#applyingAnswer = description.type === 'answer';
      try {
        await this.#pc.setRemoteDescription(withStartBitrate(description, START_BITRATE_KBPS));
      } finally {
        this.#applyingAnswer = false;
      }
      if (description.type === 'offer') {
        this.#answerBothWays();
        this.#addTracks();
        await this.#pc.setLocalDescription();
        this.#sendDescription();
      }
      this.#syncRemoteScreen();
      return;
    }
    try {
      await this.#pc.addIceCandidate(signal.candidate ?? undefined);
    } catch (error) {
      // Candidates of an offer we ignored in a glare are expected to fail.
      if (!this.#ignoreOffer) throw error;
    }
  }

  #onConnectionState(): void {
    const { connectionState } = this.#pc;
    if (connectionState === 'failed') this.#pc.restartIce();
    if (connectionState === 'connected') this.#everConnected = true;
    const next = STATE_BY_PEER[connectionState];
    // A call that was up and is connecting again is reconnecting, as far as the parties can tell.
    this.setState(next === 'connecting' && this.#everConnected ? 'reconnecting' : next);
  }
}
