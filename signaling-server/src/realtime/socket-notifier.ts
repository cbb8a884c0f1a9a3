import type { Logger } from '../log.js';
import type { Notifier } from '../context/outbox.js';
import type { Dashboards } from '../use-cases/dashboard.js';
import type { KioskStatus } from '@loket/shared';
import type { AgentNamespace, KioskNamespace, ManagerNamespace } from './namespaces.js';
import { agentRoom, kioskRoom, officeRoom, sessionRoom } from './rooms.js';

/** How long queue changes are gathered before managers get one fresh snapshot. */
const MANAGER_COALESCE_MS = 200;

/**
 * Delivers facts to the sockets they concern: a kiosk hears only about its own ticket, an agent
 * only about their own offers, and managers get at most one delta per coalescing window.
 */
export class SocketNotifier implements Notifier {
  readonly #pendingOffices = new Map<string, NodeJS.Timeout>();
  readonly #pendingKiosks = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly kiosks: KioskNamespace,
    private readonly agents: AgentNamespace,
    private readonly managers: ManagerNamespace,
    private readonly dashboards: () => Dashboards,
    private readonly log: Logger,
    private readonly kioskStatus: (kioskId: string) => Promise<KioskStatus | undefined>,
    /** In a cluster: the other instances are told, for the dashboards connected to them. */
    private readonly clustered = false,
  ) {
    if (!clustered) return;
    managers.on('office:queueChanged', (officeId) => this.#queueChangedHere(officeId));
    managers.on('office:kioskChanged', (officeId, kioskId) =>
      this.#kioskChangedHere(officeId, kioskId),
    );
  }

  ticketUpdated: Notifier['ticketUpdated'] = (kioskId, ticket) => {
    this.kiosks.to(kioskRoom(kioskId)).emit('ticket:updated', ticket);
  };

  callStarted: Notifier['callStarted'] = (kioskId, call) => {
    this.kiosks.to(kioskRoom(kioskId)).emit('call:started', call);
  };

  signalToKiosk: Notifier['signalToKiosk'] = (kioskId, message) => {
    this.kiosks.to(kioskRoom(kioskId)).emit('call:signal', message);
  };

  signalToAgent: Notifier['signalToAgent'] = (agentId, message) => {
    this.agents.to(agentRoom(agentId)).emit('call:signal', message);
  };

  agentUpdated: Notifier['agentUpdated'] = (agent) => {
    this.agents.to(agentRoom(agent.id)).emit('agent:updated', agent);
  };

  agentSkills: Notifier['agentSkills'] = (agentId, skills) => {
    this.agents.to(agentRoom(agentId)).emit('agent:skills', skills);
  };

  earlierLinked: Notifier['earlierLinked'] = (agentId, ticketId) => {
    this.agents.to(agentRoom(agentId)).emit('visit:earlierLinked', { ticketId });
  };

  offerMade: Notifier['offerMade'] = (agentId, offer) => {
    this.agents.to(agentRoom(agentId)).emit('offer:new', offer);
  };

  offerRoom: Notifier['offerRoom'] = (agentId, room) => {
    this.agents.to(agentRoom(agentId)).emit('offer:room', room);
  };

  callPreparing: Notifier['callPreparing'] = (kioskId, room) => {
    this.kiosks.to(kioskRoom(kioskId)).emit('call:preparing', room);
  };

  callConnecting: Notifier['callConnecting'] = (kioskId, peer) => {
    this.kiosks.to(kioskRoom(kioskId)).emit('call:connecting', peer);
  };

  offerWithdrawn: Notifier['offerWithdrawn'] = (agentId, withdrawn) => {
    this.agents.to(agentRoom(agentId)).emit('offer:withdrawn', withdrawn);
  };

  callEnded: Notifier['callEnded'] = ({ kioskId, agentId }, ended) => {
    this.kiosks.to(kioskRoom(kioskId)).emit('call:ended', ended);
    this.agents.to(agentRoom(agentId)).emit('call:ended', ended);
  };

  officeMessage: Notifier['officeMessage'] = (officeId, message) => {
    this.kiosks.to(officeRoom(officeId)).emit('office:message', message);
  };

  officeChanged: Notifier['officeChanged'] = (officeId, catalogue) => {
    const room = officeRoom(officeId);
    this.kiosks.to(room).emit('office:changed', catalogue);
    this.agents.to(room).emit('office:changed', catalogue);
    this.managers.to(room).emit('office:changed', catalogue);
  };

  kioskMessage: Notifier['kioskMessage'] = (kioskId, message) => {
    this.kiosks.to(kioskRoom(kioskId)).emit('office:message', message);
  };

  kioskRequest: Notifier['kioskRequest'] = (kioskId, request) => {
    this.kiosks
      .to(kioskRoom(kioskId))
      .emit(request === 'reload' ? 'kiosk:reload' : 'kiosk:selfTest', {});
  };

  kioskService: Notifier['kioskService'] = (kioskId, service) => {
    this.kiosks.to(kioskRoom(kioskId)).emit('kiosk:service', service);
  };

  /**
   * Tells the office's dashboards how one kiosk is now, at most once per coalescing window, and
   * only when a dashboard is open: heartbeats of kiosks nobody watches cost no reads.
   */
  kioskChanged: Notifier['kioskChanged'] = (officeId, kioskId) => {
    if (this.clustered) this.managers.serverSideEmit('office:kioskChanged', officeId, kioskId);
    this.#kioskChangedHere(officeId, kioskId);
  };

  #kioskChangedHere(officeId: string, kioskId: string): void {
    if (this.#pendingKiosks.has(kioskId)) return;
    const room = officeRoom(officeId);
    if (!this.managers.adapter.rooms.get(room)?.size) return;
    const timer = setTimeout(() => {
      this.#pendingKiosks.delete(kioskId);
      this.kioskStatus(kioskId).then(
        (status) => {
          if (status) this.managers.local.to(room).emit('kiosk:status', status);
        },
        (err: unknown) => this.log.error({ err, kioskId }, 'kiosk status failed'),
      );
    }, MANAGER_COALESCE_MS);
    this.#pendingKiosks.set(kioskId, timer);
  }

  sessionEnded: Notifier['sessionEnded'] = (sessionHash) => {
    this.agents.in(sessionRoom(sessionHash)).disconnectSockets(true);
    this.managers.in(sessionRoom(sessionHash)).disconnectSockets(true);
  };

  kioskListChanged: Notifier['kioskListChanged'] = (officeId) => {
    this.managers.to(officeRoom(officeId)).emit('kiosks:changed', {});
  };

  kioskCredentialsChanged: Notifier['kioskCredentialsChanged'] = (kioskId) => {
    this.kiosks.in(kioskRoom(kioskId)).disconnectSockets(true);
  };

  chatToKiosk: Notifier['chatToKiosk'] = (kioskId, fact) => {
    const room = this.kiosks.to(kioskRoom(kioskId));
    if (fact.kind === 'message') room.emit('chat:message', fact.message);
    else if (fact.kind === 'read') room.emit('chat:read', fact.receipt);
    else room.emit('chat:typing', fact.typing);
  };

  chatToAgent: Notifier['chatToAgent'] = (agentId, fact) => {
    const room = this.agents.to(agentRoom(agentId));
    if (fact.kind === 'message') room.emit('chat:message', fact.message);
    else if (fact.kind === 'read') room.emit('chat:read', fact.receipt);
    else room.emit('chat:typing', fact.typing);
  };

  captionToKiosk: Notifier['captionToKiosk'] = (kioskId, fact) => {
    const room = this.kiosks.to(kioskRoom(kioskId));
    if (fact.kind === 'caption') room.emit('caption', fact.caption);
    else room.emit('caption:status', fact.status);
  };

  captionToAgent: Notifier['captionToAgent'] = (agentId, fact) => {
    const room = this.agents.to(agentRoom(agentId));
    if (fact.kind === 'caption') room.emit('caption', fact.caption);
    else room.emit('caption:status', fact.status);
  };

  queueChanged: Notifier['queueChanged'] = (officeId) => {
    if (this.clustered) this.managers.serverSideEmit('office:queueChanged', officeId);
    this.#queueChangedHere(officeId);
  };

  /**
   * Each instance numbers the deltas of its own dashboards (see `Dashboards`), so it sends them
   * only to the dashboards connected to it.
   */
  #queueChangedHere(officeId: string): void {
    if (this.#pendingOffices.has(officeId)) return;
    const timer = setTimeout(() => {
      this.#pendingOffices.delete(officeId);
      const room = officeRoom(officeId);
      if (!this.managers.adapter.rooms.get(room)?.size) return;
      this.dashboards()
        .changed(officeId)
        .then(
          (delta) => {
            if (delta) this.managers.local.to(room).emit('queue:changed', delta);
          },
          (err: unknown) => this.log.error({ err, officeId }, 'queue snapshot failed'),
        );
    }, MANAGER_COALESCE_MS);
    this.#pendingOffices.set(officeId, timer);
  }

  /** Drops pending snapshots and kiosk statuses, for shutdown. */
  close(): void {
    for (const timer of [...this.#pendingOffices.values(), ...this.#pendingKiosks.values()]) {
      clearTimeout(timer);
    }
    this.#pendingOffices.clear();
    this.#pendingKiosks.clear();
  }
}
