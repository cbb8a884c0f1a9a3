import { agentContract, type Role } from '@loket/shared';
import { agentSkillsOf } from '../use-cases/agent-skills.js';
import { earlierVisitsOf } from '../use-cases/earlier-visits.js';
import type { ServiceContext } from '../context/context.js';
import { acceptOffer, bootstrapAgent, declineOffer, setAgentStatus } from '../use-cases/agent.js';
import { endCall, relaySignal, transferCall } from '../use-cases/call.js';
import { closeCallbackRequest, listCallbacks } from '../use-cases/callback.js';
import { quickRepliesFor } from '../use-cases/chat.js';
import { agentLeft, agentReturned } from '../use-cases/presence.js';
import { writeVisitorNote } from '../use-cases/summary.js';
import { recordCall } from '../use-cases/call-record.js';
import { userAuth, userCheck } from './auth.js';
import { Connection } from './connection.js';
import { conversationHandlers } from './conversation-commands.js';
import { commandServer } from './handler.js';
import type { AgentNamespace, NamespaceDeps } from './namespaces.js';
import { closeEarlierSockets } from './newest-wins.js';
import { agentRoom, officeRoom } from './rooms.js';
import { roomMembers } from './room-members.js';

/** Who acts on `/agent`, as the use cases are told. */
interface AgentActor {
  userId: string;
  officeId: string;
}

const ROLES: readonly Role[] = ['agent'];

/** Wires `/agent`: signed-in agents go available, answer offers and take part in calls. */
export function setUpAgentNamespace(
  agents: AgentNamespace,
  ctx: ServiceContext,
  deps: NamespaceDeps,
): void {
  const membersOf = roomMembers(agents, deps.clustered);
  const serve = commandServer<typeof agentContract.commands, Connection<AgentActor>>(
    agentContract.commands,
    {
      ...conversationHandlers(ctx, deps),
      'agent:bootstrap': (_input, { me }) => bootstrapAgent(ctx, me),
      'agent:setStatus': (input, { me }) => setAgentStatus(ctx, me, input),
      'agent:skills': (_input, { me }) => agentSkillsOf(ctx.db, me.officeId, me.userId),
      'offer:accept': (input, { me }) => acceptOffer(ctx, me, input),
      'offer:decline': (input, { me }) => declineOffer(ctx, me, input),
      'call:signal': (input, { actor }) => relaySignal(ctx, actor, input),
      'call:end': (input, { actor }) => endCall(ctx, actor, input),
      'call:transfer': (input, { actor }) => transferCall(ctx, actor, input),
      'callback:list': (_input, { me }) => listCallbacks(ctx, me),
      'callback:close': (input, { me }) => closeCallbackRequest(ctx, me, input),
      'visit:note': (input, { me }) => writeVisitorNote(ctx, me, input),
      'call:record': (input, { me }) => recordCall(ctx, me, input),
      'visit:earlier': (input, { me }) => earlierVisitsOf(ctx, me, input),
      'chat:quickReplies': (_input, { me }) => quickRepliesFor(ctx, me),
    },
    { check: userCheck(ctx, ROLES), budgets: deps.budgets },
  );
  agents.use(userAuth(ctx, ROLES));
  agents.on('connection', (socket) => {
    const { actor } = socket.data;
    if (actor.kind !== 'user') return void socket.disconnect(true);
    const me = { userId: actor.userId, officeId: actor.officeId };
    const room = agentRoom(actor.userId);
    const session = new Connection(actor, me, ctx.log);
    // The office room carries what an administrator changes, e.g. a renamed service.
    void socket.join([room, officeRoom(actor.officeId)]);
    // Two consoles of one officer would each answer the ringing offer's connection to the kiosk
    // and each take the call's media.
    closeEarlierSockets(membersOf(room), socket.id, (earlier) =>
      earlier.emit('agent:replaced', {}),
    ).catch((err: unknown) => session.log.warn({ err }, 'closing the earlier console failed'));
    agentReturned(ctx, me.userId).catch((err: unknown) =>
      session.log.error({ err }, 'clearing the reconnect grace failed'),
    );
    serve(socket as never, session);
    socket.on('disconnect', () => {
      void membersOf(room)
        .then((left) => (left.length === 0 ? agentLeft(ctx, me) : undefined))
        .catch((err: unknown) => session.log.error({ err }, 'handling agent disconnect failed'));
    });
  });
}
