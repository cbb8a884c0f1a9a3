import { randomUUID } from 'node:crypto';
import {
  NAMESPACES,
  SOCKET_PATH,
  TERMINAL_TICKET_STATUSES,
  type Language,
  type Need,
} from '@loket/shared';
import { io, type Socket } from 'socket.io-client';
import type { AgentSocket, KioskSocket } from '../harness.js';
import type { Prng } from './prng.js';
import type { Violation } from './history-check.js';
import type { SeededAgent, SeededKiosk, SeededOffice } from './seed-office.js';

/** One recorded operation, acknowledgement or event, with the client's clock. */
export interface HistoryEntry {
  t: number;
  who: string;
  kind: string;
  data?: unknown;
}

/** Everything the simulated clients did and saw. */
export class History {
  readonly entries: HistoryEntry[] = [];
  /** Violations seen live on one agent's own socket (its events arrive in order). */
  readonly clientViolations: Violation[] = [];
  add(who: string, kind: string, data?: unknown): void {
    this.entries.push({ t: Date.now(), who, kind, data });
  }
  count(kind: string): number {
    return this.entries.filter((entry) => entry.kind === kind).length;
  }
}

/** How the clients behave; `drain` switches to serving everything that is left. */
export interface SimSettings {
  graceMs: number;
  /** Chance per kiosk per tick (100 ms) of taking a ticket while idle. */
  createChance: number;
}

type Phase = 'run' | 'drain';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ACK_MS = 5000;

interface KioskTicket {
  id: string;
  serviceId: string;
  language: Language;
  needs: readonly Need[];
}

/** The simulated kiosks and agents of one office, talking to one server URL. */
export class Simulation {
  phase: Phase = 'run';
  readonly kiosks: SimKiosk[];
  readonly agents: SimAgent[];
  /** Transfers acknowledged: call id → the service the visitor was moved to. */
  readonly transfers = new Map<string, string>();
  /** Tickets whose creation was acknowledged, with what was asked. */
  readonly created = new Map<string, KioskTicket>();
  #ticker: NodeJS.Timeout | undefined;
  readonly #pending = new Set<Promise<unknown>>();

  constructor(
    readonly url: string,
    readonly office: SeededOffice,
    readonly rng: Prng,
    readonly history: History,
    readonly settings: SimSettings,
  ) {
    this.kiosks = office.kiosks.map(
      (seed, i) => new SimKiosk(this, seed, `k${i}`, rng.fork(`k${i}`)),
    );
    this.agents = office.agents.map(
      (seed, i) => new SimAgent(this, seed, `a${i}`, rng.fork(`a${i}`)),
    );
  }

  /** Runs `work` without awaiting it, but remembers it so `settle` can. */
  track(work: Promise<unknown>): void {
    const guarded = work.catch((error: unknown) => this.history.add('sim', 'error', String(error)));
    this.#pending.add(guarded);
    void guarded.finally(() => this.#pending.delete(guarded));
  }

  later(ms: number, work: () => Promise<unknown> | void): void {
    this.track(sleep(ms).then(work));
  }

  async connectAll(): Promise<void> {
    await Promise.all([...this.agents, ...this.kiosks].map((client) => client.connect()));
  }

  start(): void {
    this.#ticker = setInterval(() => {
      for (const kiosk of this.kiosks) kiosk.tick();
      for (const agent of this.agents) agent.tick();
    }, 100);
  }

  async stop(): Promise<void> {
    clearInterval(this.#ticker);
    while (this.#pending.size) await Promise.all([...this.#pending]);
    for (const client of [...this.agents, ...this.kiosks]) client.close();
  }

  /** Drain: no new tickets, no more outages; everyone back online and serving. */
  drain(): void {
    this.phase = 'drain';
    for (const client of [...this.agents, ...this.kiosks]) client.endOutage();
  }
}

/** What kiosks and agents share: a socket that reconnects by itself and planned outages. */
abstract class SimClient {
  /** The client's socket, untyped: only connection handling happens here. */
  protected abstract raw(): Socket;
  /** A planned disconnection: the socket stays closed until this time. */
  outageUntil = 0;

  constructor(
    readonly sim: Simulation,
    readonly name: string,
    readonly rng: Prng,
  ) {}

  protected record(kind: string, data?: unknown): void {
    this.sim.history.add(this.name, kind, data);
  }

  protected options() {
    return {
      path: SOCKET_PATH,
      transports: ['websocket'],
      forceNew: true,
      autoConnect: false,
      reconnectionDelay: 200,
      reconnectionDelayMax: 1000,
    };
  }

  connect(): Promise<void> {
    return new Promise((resolve) => {
      this.raw().once('connect', () => resolve());
      this.raw().connect();
    });
  }

  /** Drops the connection now and comes back after `ms`. */
  outage(ms: number): void {
    this.outageUntil = Date.now() + ms;
    this.record('op:disconnect', { ms });
    this.onDisconnected();
    this.raw().disconnect();
    this.sim.later(ms, () => this.endOutage());
  }

  endOutage(): void {
    if (this.raw().connected || this.outageUntil === 0) return;
    this.outageUntil = 0;
    this.record('op:reconnect');
    this.raw().connect();
  }

  close(): void {
    this.raw().removeAllListeners();
    this.raw().io.removeAllListeners();
    this.raw().close();
  }

  protected abstract onDisconnected(): void;

  /** Emits a command with an ack, recording both; a lost ack (e.g. the server died) is null. */
  protected async command<A extends { ok: boolean }>(
    kind: string,
    send: () => Promise<A>,
    data: unknown,
  ): Promise<A | null> {
    this.record(`op:${kind}`, data);
    try {
      const answer = await send();
      const code = (answer as { error?: { code: string } }).error?.code;
      this.record(`ack:${kind}`, answer.ok ? { ok: true } : { ok: false, code });
      return answer;
    } catch {
      this.record(`ack:${kind}`, { ok: false, code: 'NO_ACK' });
      return null;
    }
  }
}

class SimKiosk extends SimClient {
  readonly socket: KioskSocket;
  ticket: KioskTicket | null = null;
  call: { callId: string; ticketId: string } | null = null;
  readonly language: Language;
  busy = false;
  /**
   * While a bootstrap is answered the kiosk does nothing, as a kiosk's screen acts on what its
   * bootstrap told it: a cancel answered meanwhile would be undone by the answer, read before it.
   */
  booting = 0;

  constructor(
    sim: Simulation,
    readonly seed: SeededKiosk,
    name: string,
    rng: Prng,
  ) {
    super(sim, name, rng);
    this.language = rng.chance(0.7) ? 'id' : 'en';
    this.socket = io(`${sim.url}${NAMESPACES.kiosk}`, {
      ...this.options(),
      auth: { token: seed.token },
    }) as KioskSocket;
    this.socket.on('connect', () => {
      this.record('ev:connect');
      this.sim.track(this.bootstrap());
    });
    this.socket.on('disconnect', (reason) => {
      this.record('ev:disconnect', { reason });
      this.onDisconnected();
    });
    this.socket.on('ticket:updated', (ticket) => {
      this.record('ev:ticket:updated', { ticketId: ticket.id, status: ticket.status });
      if (TERMINAL_TICKET_STATUSES.includes(ticket.status)) {
        if (this.ticket?.id === ticket.id) this.ticket = null;
      }
    });
    this.socket.on('call:started', (call) => {
      this.record('ev:call:started', { callId: call.callId, ticketId: call.ticketId });
      this.call = { callId: call.callId, ticketId: call.ticketId };
    });
    this.socket.on('call:ended', (ended) => {
      this.record('ev:call:ended', ended);
      if (this.call?.callId === ended.callId) this.call = null;
    });
  }

  protected raw(): Socket {
    return this.socket as unknown as Socket;
  }

  protected onDisconnected(): void {
    this.call = null;
  }

  private async bootstrap(): Promise<void> {
    this.booting += 1;
    const boot = await this.command(
      'kiosk:bootstrap',
      () => this.socket.timeout(ACK_MS).emitWithAck('kiosk:bootstrap', {}),
      {},
    ).finally(() => (this.booting -= 1));
    if (!boot?.ok) return;
    const { ticket, call } = boot.data;
    this.ticket =
      ticket && !TERMINAL_TICKET_STATUSES.includes(ticket.status)
        ? {
            id: ticket.id,
            serviceId: ticket.serviceId,
            language: ticket.language,
            needs: ticket.needs,
          }
        : null;
    this.call = call ? { callId: call.callId, ticketId: call.ticketId } : null;
    this.record('boot', { ticketId: ticket?.id ?? null, status: ticket?.status ?? null });
  }

  tick(): void {
    if (!this.socket.connected || this.busy || this.booting > 0) return;
    const { rng, sim } = this;
    // Outages mostly hit kiosks with a ticket or call, where they matter.
    if (sim.phase === 'run' && rng.chance(this.ticket ? 0.003 : 0.0005)) {
      const long = rng.chance(0.25);
      const ms = long ? sim.settings.graceMs + rng.int(500, 1500) : rng.int(100, 1500);
      return this.outage(ms);
    }
    if (!this.ticket) {
      if (sim.phase === 'run' && rng.chance(sim.settings.createChance)) this.act(this.create());
      return;
    }
    if (this.call) {
      if (rng.chance(0.01)) this.act(this.endCall(this.call.callId));
      return;
    }
    if (sim.phase === 'run' && rng.chance(0.002)) this.act(this.cancel(this.ticket.id));
  }

  private act(work: Promise<unknown>): void {
    this.busy = true;
    this.sim.track(work.finally(() => (this.busy = false)));
  }

  private async create(): Promise<void> {
    const { rng, sim } = this;
    const priority: Need[] = rng.chance(0.15)
      ? [rng.pick(['disability', 'elderly', 'pregnant'] as const)]
      : [];
    const serviceId = rng.pick(sim.office.serviceIds);
    const signs: Need[] = rng.chance(0.12) ? ['sign_language'] : [];
    const request = {
      clientId: randomUUID(),
      serviceId,
      language: this.language,
      needs: [...signs, ...priority],
    };
    const answer = await this.command(
      'ticket:create',
      () => this.socket.timeout(ACK_MS).emitWithAck('ticket:create', request),
      request,
    );
    if (!answer?.ok) return;
    const ticket = {
      id: answer.data.ticket.id,
      serviceId: request.serviceId,
      language: request.language,
      needs: request.needs,
    };
    this.record('created', { ticketId: ticket.id, ...request });
    sim.created.set(ticket.id, ticket);
    if (!TERMINAL_TICKET_STATUSES.includes(answer.data.ticket.status)) this.ticket ??= ticket;
  }

  private async cancel(ticketId: string): Promise<void> {
    const answer = await this.command(
      'ticket:cancel',
      () => this.socket.timeout(ACK_MS).emitWithAck('ticket:cancel', { ticketId }),
      { ticketId },
    );
    if (answer?.ok && this.ticket?.id === ticketId) this.ticket = null;
  }

  private async endCall(callId: string): Promise<void> {
    this.call = null;
    await this.command(
      'call:end',
      () => this.socket.timeout(ACK_MS).emitWithAck('call:end', { callId }),
      { callId },
    );
  }
}

class SimAgent extends SimClient {
  readonly socket: AgentSocket;
  offer: string | null = null;
  call: { callId: string; ticketId: string } | null = null;
  status = 'offline';
  /** Until when the agent chose to stay away. */
  awayUntil = 0;

  constructor(
    sim: Simulation,
    readonly seed: SeededAgent,
    name: string,
    rng: Prng,
  ) {
    super(sim, name, rng);
    this.socket = io(`${sim.url}${NAMESPACES.agent}`, {
      ...this.options(),
      extraHeaders: { cookie: seed.cookie },
    }) as AgentSocket;
    this.socket.on('connect', () => {
      this.record('ev:connect');
      this.sim.track(this.bootstrap());
    });
    this.socket.on('disconnect', (reason) => {
      this.record('ev:disconnect', { reason });
      this.onDisconnected();
    });
    this.socket.on('agent:updated', (agent) => {
      this.record('ev:agent:updated', { status: agent.status });
      this.status = agent.status;
      // The server can take an offer back without offer:withdrawn (its console went away and
      // another took over); the agent's own state says so.
      if (agent.status !== 'offered') this.offer = null;
      if (agent.status !== 'busy') this.call = null;
    });
    this.socket.on('offer:new', (offer) => {
      this.record('ev:offer:new', { ticketId: offer.ticketId });
      this.hold(offer.ticketId);
      this.respond(offer.ticketId);
    });
    this.socket.on('offer:withdrawn', (withdrawn) => {
      this.record('ev:offer:withdrawn', withdrawn);
      if (this.offer === withdrawn.ticketId) this.offer = null;
    });
    this.socket.on('call:ended', (ended) => {
      this.record('ev:call:ended', ended);
      if (this.call?.callId === ended.callId) this.call = null;
    });
  }

  protected raw(): Socket {
    return this.socket as unknown as Socket;
  }

  protected onDisconnected(): void {
    this.offer = null;
    this.call = null;
    this.status = 'offline';
  }

  /** Takes an offer in hand; holding another ticket at that moment is a violation. */
  private hold(ticketId: string): void {
    const held = this.offer ?? this.call?.ticketId ?? null;
    if (held !== null && held !== ticketId) {
      this.sim.history.clientViolations.push({
        property: 'no agent holds two tickets at once (seen on the agent socket)',
        message: `${this.name} (${this.seed.id}) was offered ${ticketId} while holding ${held}`,
        ids: [this.seed.id, ticketId, held],
        at: Date.now(),
      });
    }
    if (this.call?.ticketId !== ticketId) this.offer = ticketId;
  }

  private async bootstrap(): Promise<void> {
    const boot = await this.command(
      'agent:bootstrap',
      () => this.socket.timeout(ACK_MS).emitWithAck('agent:bootstrap', {}),
      {},
    );
    if (!boot?.ok) return;
    const { agent, offer, call } = boot.data;
    this.status = agent.status;
    this.record('boot', { status: agent.status, offer: offer?.ticketId, call: call?.callId });
    if (call) {
      this.call = { callId: call.callId, ticketId: call.ticketId };
      this.scheduleEnd(call.callId, call.ticketId);
    } else if (offer) {
      // A bootstrap is a snapshot that events sent meanwhile may have overtaken: no check here.
      this.offer = offer.ticketId;
      this.respond(offer.ticketId);
    } else if (agent.status === 'offline' || agent.status === 'away') {
      await this.setStatus('available');
    }
  }

  private setStatus(status: 'available' | 'away') {
    return this.command(
      'agent:setStatus',
      () => this.socket.timeout(ACK_MS).emitWithAck('agent:setStatus', { status }),
      { status },
    );
  }

  /** Accepts, declines or lets the offer run out, after a human-like pause. */
  private respond(ticketId: string): void {
    const { rng, sim } = this;
    const drain = sim.phase === 'drain';
    const roll = rng.next();
    if (!drain && roll >= 0.8) {
      this.record('choice:ignore', { ticketId });
      return;
    }
    const accept = drain || roll < 0.65;
    sim.later(rng.int(20, drain ? 100 : 400), async () => {
      if (this.offer !== ticketId || !this.socket.connected) return;
      if (!accept) {
        this.offer = null;
        await this.command(
          'offer:decline',
          () => this.socket.timeout(ACK_MS).emitWithAck('offer:decline', { ticketId }),
          { ticketId },
        );
        return;
      }
      const answer = await this.command(
        'offer:accept',
        () => this.socket.timeout(ACK_MS).emitWithAck('offer:accept', { ticketId }),
        { ticketId },
      );
      if (this.offer === ticketId) this.offer = null;
      if (!answer?.ok) return;
      this.call = { callId: answer.data.call.callId, ticketId };
      this.scheduleEnd(answer.data.call.callId, ticketId);
    });
  }

  /** Ends the call (or transfers it) after a while, unless it ended otherwise meanwhile. */
  private scheduleEnd(callId: string, ticketId: string): void {
    const { rng, sim } = this;
    const drain = sim.phase === 'drain';
    const transfer = !drain && rng.chance(0.15);
    sim.later(rng.int(drain ? 50 : 300, drain ? 300 : 2000), async () => {
      if (this.call?.callId !== callId || !this.socket.connected) return;
      this.call = null;
      if (!transfer || sim.phase === 'drain') {
        await this.command(
          'call:end',
          () => this.socket.timeout(ACK_MS).emitWithAck('call:end', { callId }),
          { callId, ticketId },
        );
        return;
      }
      const serviceId = rng.pick(sim.office.serviceIds);
      const answer = await this.command(
        'call:transfer',
        () => this.socket.timeout(ACK_MS).emitWithAck('call:transfer', { callId, serviceId }),
        { callId, ticketId, serviceId },
      );
      if (answer?.ok) sim.transfers.set(callId, serviceId);
    });
  }

  tick(): void {
    if (!this.socket.connected) return;
    const { rng, sim } = this;
    const now = Date.now();
    if (sim.phase === 'run' && rng.chance(this.call ? 0.006 : 0.0015)) {
      const long = this.call !== null && rng.chance(0.35);
      return this.outage(long ? sim.settings.graceMs + rng.int(500, 1500) : rng.int(200, 1500));
    }
    if (this.status === 'available' && sim.phase === 'run' && rng.chance(0.002)) {
      this.awayUntil = now + rng.int(300, 2000);
      this.sim.track(this.setStatus('away'));
      return;
    }
    const rested = now >= this.awayUntil || sim.phase === 'drain';
    if ((this.status === 'away' || this.status === 'offline') && rested && rng.chance(0.3)) {
      this.sim.track(this.setStatus('available'));
      return;
    }
    if (this.status === 'wrap_up' && rng.chance(0.05)) this.sim.track(this.setStatus('available'));
  }
}
