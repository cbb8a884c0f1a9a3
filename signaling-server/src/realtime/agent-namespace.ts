import type { Role } from '@loket/shared';
import {
  CallRef,
  CallSignal,
  CloseCallback,
  Empty,
  AcceptOffer,
  OfferRef,
  SetAgentStatus,
  TransferCall,
} from '@loket/shared';
import type { Logger } from '../log.js';
import {
  acceptOffer,
  agentDisconnected,
  bootstrapAgent,
  declineOffer,
  setAgentStatus,
} from '../services/agent-service.js';
import { endCall, signalTarget, transferCall } from '../services/call-service.js';
import { closeCallbackRequest, listCallbacks } from '../services/callback-service.js';
import type { ServiceContext } from '../services/context.js';
import { agentReturned } from '../services/timers.js';
import { userAuth, userCheck } from './auth.js';
import { Handlers } from './handler.js';
import type { AgentNamespace, KioskNamespace } from './namespaces.js';
import { agentRoom, kioskRoom } from './rooms.js';

const ROLES: readonly Role[] = ['agent'];

/** Wires `/agent`: signed-in agents go available, answer offers and take part in calls. */
export function setUpAgentNamespace(
  agents: AgentNamespace,
  kiosks: KioskNamespace,
  ctx: ServiceContext,
  log: Logger,
): void {
  agents.use(userAuth(ctx.db, ctx.clock, ROLES, ctx.log));
  agents.on('connection', (socket) => {
    const { actor } = socket.data;
    if (actor.kind !== 'user') return void socket.disconnect(true);
    const me = { userId: actor.userId, officeId: actor.officeId };
    const room = agentRoom(actor.userId);
    void socket.join(room);
    const agentLog = log.child({ userId: actor.userId });
    agentReturned(ctx, actor.userId).catch((err: unknown) =>
      agentLog.error({ err }, 'clearing the reconnect grace failed'),
    );
    new Handlers(socket as never, agentLog, userCheck(ctx.db, ctx.clock, ROLES))
      .on('agent:bootstrap', Empty, () => bootstrapAgent(ctx, me))
      .on('agent:setStatus', SetAgentStatus, (input) => setAgentStatus(ctx, me, input))
      .on('offer:accept', AcceptOffer, (input) => acceptOffer(ctx, me, input))
      .on('offer:decline', OfferRef, (input) => declineOffer(ctx, me, input))
      .on('call:signal', CallSignal, async (input) => {
        const target = await signalTarget(ctx, actor, input);
        if ('kioskId' in target) kiosks.to(kioskRoom(target.kioskId)).emit('call:signal', input);
        return null;
      })
      .on('call:end', CallRef, (input) => endCall(ctx, actor, input))
      .on('call:transfer', TransferCall, (input) => transferCall(ctx, actor, input))
      .on('callback:list', Empty, () => listCallbacks(ctx, me))
      .on('callback:close', CloseCallback, (input) => closeCallbackRequest(ctx, me, input));
    socket.on('disconnect', () => {
      void agents
        .in(room)
        .fetchSockets()
        .then((left) => (left.length === 0 ? agentDisconnected(ctx, me) : undefined))
        .catch((err: unknown) => agentLog.error({ err }, 'handling agent disconnect failed'));
    });
  });
}
