import { CallRef, CallSignal, CancelTicket, CreateTicket, Empty } from '@loket/shared';
import type { Logger } from '../log.js';
import { endCall, signalTarget } from '../services/call-service.js';
import type { ServiceContext } from '../services/context.js';
import { bootstrapKiosk, cancelTicket, createTicket } from '../services/kiosk-service.js';
import { kioskAuth, kioskCheck } from './auth.js';
import { Handlers } from './handler.js';
import type { AgentNamespace, KioskNamespace } from './namespaces.js';
import { agentRoom, kioskRoom } from './rooms.js';

/** Wires `/kiosk`: enrolled kiosks take and cancel tickets and take part in calls. */
export function setUpKioskNamespace(
  kiosks: KioskNamespace,
  agents: AgentNamespace,
  ctx: ServiceContext,
  log: Logger,
): void {
  kiosks.use(kioskAuth(ctx.db, ctx.clock));
  kiosks.on('connection', (socket) => {
    const { actor } = socket.data;
    if (actor.kind !== 'kiosk') return void socket.disconnect(true);
    const me = { kioskId: actor.kioskId, officeId: actor.officeId };
    void socket.join(kioskRoom(actor.kioskId));
    new Handlers(socket as never, log.child({ kioskId: actor.kioskId }), kioskCheck)
      .on('kiosk:bootstrap', Empty, () => bootstrapKiosk(ctx, me))
      .on('ticket:create', CreateTicket, (input) => createTicket(ctx, me, input))
      .on('ticket:cancel', CancelTicket, (input) => cancelTicket(ctx, me, input))
      .on('call:signal', CallSignal, async (input) => {
        const target = await signalTarget(ctx, actor, input);
        if ('agentId' in target) agents.to(agentRoom(target.agentId)).emit('call:signal', input);
        return null;
      })
      .on('call:end', CallRef, (input) => endCall(ctx, actor, input));
  });
}
