import type { Logger } from '../log.js';
import type { ServiceContext } from '../services/context.js';
import type { Notifier } from '../services/notifier.js';
import type { QueueFeed } from '../services/queue-feed.js';
import { queueSnapshot } from '../services/snapshot.js';
import type { AgentNamespace, KioskNamespace, ManagerNamespace } from './namespaces.js';
import { agentRoom, kioskRoom, officeRoom } from './rooms.js';

/** How long queue changes are gathered before managers get one fresh snapshot. */
const MANAGER_COALESCE_MS = 200;

/**
 * Delivers facts to the sockets they concern: a kiosk hears only about its own ticket, an agent
 * only about their own offers, and managers get at most one snapshot per coalescing window.
 */
export class SocketNotifier implements Notifier {
  readonly #pendingOffices = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly kiosks: KioskNamespace,
    private readonly agents: AgentNamespace,
    private readonly managers: ManagerNamespace,
    private readonly ctx: () => ServiceContext,
    private readonly log: Logger,
    private readonly feed: QueueFeed,
  ) {}

  ticketUpdated: Notifier['ticketUpdated'] = (kioskId, ticket) => {
    this.kiosks.to(kioskRoom(kioskId)).emit('ticket:updated', ticket);
  };

  callStarted: Notifier['callStarted'] = (kioskId, call) => {
    this.kiosks.to(kioskRoom(kioskId)).emit('call:started', call);
  };

  signalToKiosk: Notifier['signalToKiosk'] = (kioskId, message) => {
    this.kiosks.to(kioskRoom(kioskId)).emit('call:signal', message);
  };

  agentUpdated: Notifier['agentUpdated'] = (agent) => {
    this.agents.to(agentRoom(agent.id)).emit('agent:updated', agent);
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

  offerWithdrawn: Notifier['offerWithdrawn'] = (agentId, withdrawn) => {
    this.agents.to(agentRoom(agentId)).emit('offer:withdrawn', withdrawn);
  };

  callEnded: Notifier['callEnded'] = ({ kioskId, agentId }, ended) => {
    this.kiosks.to(kioskRoom(kioskId)).emit('call:ended', ended);
    this.agents.to(agentRoom(agentId)).emit('call:ended', ended);
  };

  queueChanged: Notifier['queueChanged'] = (officeId) => {
    if (this.#pendingOffices.has(officeId)) return;
    const timer = setTimeout(() => {
      this.#pendingOffices.delete(officeId);
      const room = officeRoom(officeId);
      if (!this.managers.adapter.rooms.get(room)?.size) return;
      queueSnapshot(this.ctx(), officeId).then(
        (snapshot) => {
          const delta = this.feed.next(officeId, snapshot);
          if (delta) this.managers.to(room).emit('queue:changed', delta);
        },
        (err: unknown) => this.log.error({ err, officeId }, 'queue snapshot failed'),
      );
    }, MANAGER_COALESCE_MS);
    this.#pendingOffices.set(officeId, timer);
  };

  /** Drops pending snapshots, for shutdown. */
  close(): void {
    for (const timer of this.#pendingOffices.values()) clearTimeout(timer);
    this.#pendingOffices.clear();
  }
}
