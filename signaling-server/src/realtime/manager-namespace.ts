import { managerContract, type Role, type SocketActor } from '@loket/shared';
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
import type { Logger } from '../log.js';
import { Connection } from './connection.js';
import { commandServer } from './handler.js';
import type { EventBudgets } from './socket-limits.js';
import type { ManagerNamespace, ManagerSocket } from './namespaces.js';
import { officeRoom } from './rooms.js';

/** Who acts on `/manager`, as the use cases are told. */
interface ManagerActor {
  userId: string;
  officeId: string;
}

const ROLES: readonly Role[] = ['manager', 'admin'];

/** A dashboard's socket, as its commands see it: the snapshot it asks for is told to the office. */
class DashboardSession extends Connection<ManagerActor> {
  constructor(
    actor: SocketActor,
    me: ManagerActor,
    log: Logger,
    readonly socket: ManagerSocket,
    readonly role: Role,
  ) {
    super(actor, me, log);
  }
}

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
  /** This dashboard's snapshot; the others of the office get what changed meanwhile. */
  const open = async ({ me, socket }: DashboardSession) => {
    const { snapshot, delta } = await dashboards.open(me.officeId);
    // Numbered by this instance: only the dashboards connected here follow its numbers.
    if (delta) socket.local.to(officeRoom(me.officeId)).emit('queue:changed', delta);
    return snapshot;
  };
  const serve = commandServer<typeof managerContract.commands, DashboardSession>(
    managerContract.commands,
    {
      'queue:snapshot': (_input, session) => open(session),
      'queue:since': async ({ seq }, session) =>
        dashboards.missed(session.me.officeId, seq) ?? {
          kind: 'snapshot' as const,
          snapshot: await open(session),
        },
      'ticket:prioritise': (input, { me }) => prioritiseTicket(ctx, me, input),
      'ticket:assign': (input, { me }) => assignTicket(ctx, me, input),
      'ticket:cancel': (input, { me }) => cancelTicketAsManager(ctx, me, input),
      'agent:set': (input, { me }) => setAgentState(ctx, me, input),
      'kiosks:message': (input, { me }) => messageKiosks(ctx, me, input),
      'call:monitor': ({ ticketId }, { me }) => monitorTicketCall(ctx, me, ticketId),
      'kiosks:status': (_input, { me }) => kioskStatuses(ctx, me.officeId),
      'kiosk:reload': ({ kioskId }, { me }) => requestOfKiosk(ctx, me, kioskId, { kind: 'reload' }),
      'kiosk:selfTest': ({ kioskId }, { me }) =>
        requestOfKiosk(ctx, me, kioskId, { kind: 'selfTest' }),
      'kiosk:message': ({ kioskId, text }, { me }) =>
        requestOfKiosk(ctx, me, kioskId, { kind: 'message', text }),
      'kiosk:setService': ({ kioskId, inService }, { me }) =>
        requestOfKiosk(ctx, me, kioskId, { kind: 'service', inService }),
      'privacy:find': ({ phone }, { me, role }) => findHeldData(ctx, { ...me, role }, phone),
      'privacy:erase': ({ phone }, { me, role }) => eraseHeldData(ctx, { ...me, role }, phone),
    },
    { check: userCheck(ctx, ROLES), budgets },
  );
  managers.use(userAuth(ctx, ROLES));
  managers.on('connection', (socket) => {
    const { actor } = socket.data;
    if (actor.kind !== 'user') return void socket.disconnect(true);
    void socket.join(officeRoom(actor.officeId));
    const me = { userId: actor.userId, officeId: actor.officeId };
    serve(socket as never, new DashboardSession(actor, me, ctx.log, socket, actor.role));
  });
}
