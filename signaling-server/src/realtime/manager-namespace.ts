import { managerContract, type Role } from '@loket/shared';
import type { ServiceContext } from '../context/context.js';
import type { Dashboards } from '../use-cases/dashboard.js';
import {
  assignTicket,
  cancelTicketAsManager,
  messageKiosks,
  prioritiseTicket,
  setAgentState,
} from '../use-cases/manager.js';
import { kioskStatuses, requestOfKiosk } from '../use-cases/kiosk-care.js';
import { monitorTicketCall } from '../use-cases/monitor.js';
import { eraseHeldData, findHeldData } from '../use-cases/retention.js';
import { userAuth, userCheck } from './auth.js';
import { serveCommands } from './handler.js';
import type { EventBudgets } from './socket-limits.js';
import type { ManagerNamespace } from './namespaces.js';
import { officeRoom } from './rooms.js';

const ROLES: readonly Role[] = ['manager', 'admin'];

/**
 * Wires `/manager`: desk managers watch their office's live queue (a numbered snapshot on
 * request, then deltas; a reconnecting dashboard asks for what it missed) and act on it.
 */
export function setUpManagerNamespace(
  managers: ManagerNamespace,
  ctx: ServiceContext,
  budgets: EventBudgets,
  dashboards: Dashboards,
): void {
  managers.use(userAuth(ctx, ROLES));
  managers.on('connection', (socket) => {
    const { actor } = socket.data;
    if (actor.kind !== 'user') return void socket.disconnect(true);
    const me = { userId: actor.userId, officeId: actor.officeId };
    const room = officeRoom(actor.officeId);
    void socket.join(room);
    /** This dashboard's snapshot; the others of the office get what changed meanwhile. */
    const open = async () => {
      const { snapshot, delta } = await dashboards.open(me.officeId);
      // Numbered by this instance: only the dashboards connected here follow its numbers.
      if (delta) socket.local.to(room).emit('queue:changed', delta);
      return snapshot;
    };
    serveCommands(
      socket as never,
      managerContract.commands,
      {
        'queue:snapshot': open,
        'queue:since': async ({ seq }) =>
          dashboards.missed(me.officeId, seq) ?? {
            kind: 'snapshot' as const,
            snapshot: await open(),
          },
        'ticket:prioritise': (input) => prioritiseTicket(ctx, me, input),
        'ticket:assign': (input) => assignTicket(ctx, me, input),
        'ticket:cancel': (input) => cancelTicketAsManager(ctx, me, input),
        'agent:set': (input) => setAgentState(ctx, me, input),
        'kiosks:message': (input) => messageKiosks(ctx, me, input),
        'call:monitor': ({ ticketId }) => monitorTicketCall(ctx, me, ticketId),
        'kiosks:status': () => kioskStatuses(ctx, me.officeId),
        'kiosk:reload': ({ kioskId }) => requestOfKiosk(ctx, me, kioskId, { kind: 'reload' }),
        'kiosk:selfTest': ({ kioskId }) => requestOfKiosk(ctx, me, kioskId, { kind: 'selfTest' }),
        'kiosk:message': ({ kioskId, text }) =>
          requestOfKiosk(ctx, me, kioskId, { kind: 'message', text }),
        'kiosk:setService': ({ kioskId, inService }) =>
          requestOfKiosk(ctx, me, kioskId, { kind: 'service', inService }),
        'privacy:find': ({ phone }) => findHeldData(ctx, { ...me, role: actor.role }, phone),
        'privacy:erase': ({ phone }) => eraseHeldData(ctx, { ...me, role: actor.role }, phone),
      },
      { log: ctx.log.child({ userId: actor.userId }), check: userCheck(ctx, ROLES), budgets },
    );
  });
}
