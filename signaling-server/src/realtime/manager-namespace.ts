import type { Role } from '@loket/shared';
import {
  AssignTicket,
  Empty,
  ManagerCancelTicket,
  MessageKiosks,
  MonitorCall,
  PrioritiseTicket,
  QueueSince,
  SetAgentState,
} from '@loket/shared';
import type { Logger } from '../log.js';
import { monitorTicketCall } from '../media/monitor.js';
import type { ServiceContext } from '../services/context.js';
import {
  assignTicket,
  cancelTicketAsManager,
  messageKiosks,
  prioritiseTicket,
  setAgentState,
} from '../services/manager-service.js';
import type { QueueFeed } from '../services/queue-feed.js';
import { queueSnapshot } from '../services/snapshot.js';
import { findUser } from '../store/repositories/users.js';
import { userAuth, userCheck } from './auth.js';
import { Handlers } from './handler.js';
import type { KioskNamespace, ManagerNamespace } from './namespaces.js';
import { officeRoom } from './rooms.js';

const ROLES: readonly Role[] = ['manager', 'admin'];

/**
 * Wires `/manager`: desk managers watch their office's live queue (a numbered snapshot on
 * request, then deltas; a reconnecting dashboard asks for what it missed) and act on it.
 */
export function setUpManagerNamespace(
  managers: ManagerNamespace,
  kiosks: KioskNamespace,
  ctx: ServiceContext,
  log: Logger,
  feed: QueueFeed,
): void {
  managers.use(userAuth(ctx.db, ctx.clock, ROLES, ctx.log));
  managers.on('connection', (socket) => {
    const { actor } = socket.data;
    if (actor.kind !== 'user') return void socket.disconnect(true);
    const me = { userId: actor.userId, officeId: actor.officeId };
    // The feed only follows an office while a dashboard watches it, so what it last saw may be
    // old: a fresh snapshot is recorded first, and the dashboard gets the feed's newest, so later
    // deltas follow on from exactly what it holds. Any dashboard already watching gets the
    // difference as a delta of its own.
    const snapshot = async () => {
      const current = await queueSnapshot(ctx, me.officeId);
      const delta = feed.next(me.officeId, current);
      if (delta) socket.to(officeRoom(me.officeId)).emit('queue:changed', delta);
      return feed.latest(me.officeId) ?? { ...current, seq: feed.seq(me.officeId) };
    };
    void socket.join(officeRoom(actor.officeId));
    new Handlers(
      socket as never,
      log.child({ userId: actor.userId }),
      userCheck(ctx.db, ctx.clock, ROLES),
    )
      .on('queue:snapshot', Empty, snapshot)
      .on('queue:since', QueueSince, async ({ seq }) => {
        return (
          feed.since(me.officeId, seq) ?? { kind: 'snapshot' as const, snapshot: await snapshot() }
        );
      })
      .on('ticket:prioritise', PrioritiseTicket, (input) => prioritiseTicket(ctx, me, input))
      .on('ticket:assign', AssignTicket, (input) => assignTicket(ctx, me, input))
      .on('ticket:cancel', ManagerCancelTicket, (input) => cancelTicketAsManager(ctx, me, input))
      .on('agent:set', SetAgentState, (input) => setAgentState(ctx, me, input))
      .on('kiosks:message', MessageKiosks, (input) =>
        messageKiosks(ctx, me, input, (message) =>
          kiosks.to(officeRoom(me.officeId)).emit('office:message', message),
        ),
      )
      .on('call:monitor', MonitorCall, async ({ ticketId }) => {
        const manager = await findUser(ctx.db, me.userId);
        return monitorTicketCall(
          ctx,
          { ...me, displayName: manager?.display_name ?? '' },
          ticketId,
        );
      });
  });
}
