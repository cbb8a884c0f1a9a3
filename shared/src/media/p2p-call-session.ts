import type { IceServer } from '../domain/call.js';
import type { Signal } from '../events/signal.js';
import type { CallConnectionState, CallSession, CallSessionEvents } from './call-session.js';
import { Emitter } from './emitter.js';
import type { SignalChannel } from './signal-channel.js';

/** What a peer-to-peer call needs from the server's `call:started`. */
export interface P2PCallOptions {
  iceServers: IceServer[];
  polite: boolean;
  signals: SignalChannel;
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
 */
export class P2PCallSession implements CallSession {
  readonly #pc: RTCPeerConnection;
  readonly #polite: boolean;
  readonly #signals: SignalChannel;
  readonly #events = new Emitter<CallSessionEvents>();
  readonly #remote = new MediaStream();
  #makingOffer = false;
  #ignoreOffer = false;
  #state: CallConnectionState = 'connecting';
  readonly #unsubscribe: () => void;
  #local: MediaStream | null = null;
  #tracksAdded = false;
  #fallback: ReturnType<typeof setTimeout> | null = null;

  constructor(options: P2PCallOptions) {
    this.#polite = options.polite;
    this.#signals = options.signals;
    this.#pc = new RTCPeerConnection({ iceServers: options.iceServers });
    this.#pc.addEventListener('negotiationneeded', () => void this.#offer());
    this.#pc.addEventListener('icecandidate', ({ candidate }) => {
      const init = candidate?.toJSON();
      this.#signals.send({
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
    });
    this.#pc.addEventListener('track', ({ track }) => {
      this.#remote.addTrack(track);
      this.#events.emit('remoteStream', this.#remote);
    });
    this.#pc.addEventListener('connectionstatechange', () => this.#onConnectionState());
    // Listen from the start: the other party may offer while this side is still opening its camera.
    this.#unsubscribe = this.#signals.subscribe((signal) => void this.#onSignal(signal));
  }

  get state(): CallConnectionState {
    return this.#state;
  }

  /**
   * The impolite side sends its media and offers at once. The polite side waits for that offer and
   * answers with its own media in the same round trip, so a call connects after one exchange
   * instead of a glare and a second one; it offers by itself only if no offer comes in time.
   */
  async join(local: MediaStream): Promise<void> {
    this.#local = local;
    if (!this.#polite || this.#pc.remoteDescription) {
      this.#addTracks();
      return;
    }
    this.#fallback = setTimeout(() => this.#addTracks(), POLITE_WAIT_MS);
  }

  #addTracks(): void {
    if (this.#tracksAdded || !this.#local || this.#state === 'ended') return;
    this.#tracksAdded = true;
    if (this.#fallback) clearTimeout(this.#fallback);
    for (const track of this.#local.getTracks()) this.#pc.addTrack(track, this.#local);
  }

  setMuted(kind: 'audio' | 'video', muted: boolean): void {
    for (const track of this.#local?.getTracks() ?? []) {
      if (track.kind === kind) track.enabled = !muted;
    }
  }

  on<E extends keyof CallSessionEvents>(event: E, listener: CallSessionEvents[E]): () => void {
    return this.#events.on(event, listener);
  }

  leave(): void {
    if (this.#state === 'ended') return;
    this.#unsubscribe();
    if (this.#fallback) clearTimeout(this.#fallback);
    this.#pc.close();
    this.#setState('ended');
    this.#events.clear();
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
      this.#signals.send({
        kind: 'description',
        description: { type: description.type, sdp: description.sdp },
      });
    }
  }

  async #onSignal(signal: Signal): Promise<void> {
    if (this.#state === 'ended') return;
    if (signal.kind === 'description') {
      const { description } = signal;
      const collision =
        description.type === 'offer' && (this.#makingOffer || this.#pc.signalingState !== 'stable');
      this.#ignoreOffer = !this.#polite && collision;
      if (this.#ignoreOffer) return;
      await this.#pc.setRemoteDescription(description);
      if (description.type === 'offer') {
        this.#addTracks();
        await this.#pc.setLocalDescription();
        this.#sendDescription();
      }
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
    const next = STATE_BY_PEER[this.#pc.connectionState];
    if (this.#pc.connectionState === 'failed') this.#pc.restartIce();
    this.#setState(next);
  }

  #setState(state: CallConnectionState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#events.emit('state', state);
  }
}
