import {
  AvailabilityQuery,
  CallRef,
  CallSignal,
  CancelTicket,
  CreateTicket,
  Empty,
  RequestCallback,
} from '@loket/shared';
import type { Logger } from '../log.js';
import { endCall, signalTarget } from '../services/call-service.js';
import type { ServiceContext } from '../services/context.js';
import { kioskLeft, kioskReturned } from '../services/timers.js';
import {
  bootstrapKiosk,
  cancelTicket,
  checkAvailability,
  createTicket,
  requestCallback,
} from '../services/kiosk-service.js';
import { kioskAuth, kioskCheck } from './auth.js';
import { Handlers } from './handler.js';
import type { AgentNamespace, KioskNamespace } from './namespaces.js';
import { agentRoom, kioskRoom, officeRoom } from './rooms.js';

/** Wires `/kiosk`: enrolled kiosks take and cancel tickets and take part in calls. */
export function setUpKioskNamespace(
  kiosks: KioskNamespace,
  agents: AgentNamespace,
  ctx: ServiceContext,
  log: Logger,
): void {
  kiosks.use(kioskAuth(ctx.db, ctx.clock, ctx.log));
  kiosks.on('connection', (socket) => {
    const { actor } = socket.data;
    if (actor.kind !== 'kiosk') return void socket.disconnect(true);
    const me = { kioskId: actor.kioskId, officeId: actor.officeId };
    const room = kioskRoom(actor.kioskId);
    const kioskLog = log.child({ kioskId: actor.kioskId });
    void socket.join(room);
    // Office-wide messages from the desk manager.
    void socket.join(officeRoom(actor.officeId));
    kioskReturned(ctx, actor.kioskId).catch((err: unknown) =>
      kioskLog.error({ err }, 'clearing the reconnect grace failed'),
    );
    socket.on('disconnect', () => {
      void kiosks
        .in(room)
        .fetchSockets()
        .then((left) => (left.length === 0 ? kioskLeft(ctx, me.kioskId, me.officeId) : undefined))
        .catch((err: unknown) => kioskLog.error({ err }, 'handling kiosk disconnect failed'));
    });
    new Handlers(socket as never, kioskLog, kioskCheck)
      .on('kiosk:bootstrap', Empty, () => bootstrapKiosk(ctx, me))
      .on('service:availability', AvailabilityQuery, (input) => checkAvailability(ctx, me, input))
      .on('ticket:create', CreateTicket, (input) => createTicket(ctx, me, input))
      .on('callback:request', RequestCallback, (input) => requestCallback(ctx, me, input))
      .on('ticket:cancel', CancelTicket, (input) => cancelTicket(ctx, me, input))
      .on('call:signal', CallSignal, async (input) => {
        const target = await signalTarget(ctx, actor, input);
        if ('agentId' in target) agents.to(agentRoom(target.agentId)).emit('call:signal', input);
        return null;
      })
      .on('call:end', CallRef, (input) => endCall(ctx, actor, input));
  });
}
