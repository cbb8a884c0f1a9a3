import { agentContract, type Role } from '@loket/shared';
import { agentSkillsOf } from '../use-cases/agent-skills.js';
import { earlierVisitsOf } from '../use-cases/earlier-visits.js';
import type { ServiceContext } from '../context/context.js';
import { acceptOffer, bootstrapAgent, declineOffer, setAgentStatus } from '../use-cases/agent.js';
import { endCall, relaySignal, transferCall } from '../use-cases/call.js';
import { closeCallbackRequest, listCallbacks } from '../use-cases/callback.js';
import {
  chatHistory,
  chatTyping,
  quickRepliesFor,
  readChat,
  sendChat,
  type ChatBudgets,
} from '../use-cases/chat.js';
import {
  captionSources,
  hearSpeech,
  reportCaptionTrouble,
  sendCaption,
  type Captions,
} from '../use-cases/captions.js';
import { agentLeft, agentReturned } from '../use-cases/presence.js';
import { writeVisitorNote } from '../use-cases/summary.js';
import { recordCall } from '../use-cases/call-record.js';
import { userAuth, userCheck } from './auth.js';
import { serveCommands } from './handler.js';
import type { EventBudgets } from './socket-limits.js';
import type { AgentNamespace } from './namespaces.js';
import { closeEarlierSockets } from './newest-wins.js';
import { agentRoom, officeRoom } from './rooms.js';

const ROLES: readonly Role[] = ['agent'];

/** Wires `/agent`: signed-in agents go available, answer offers and take part in calls. */
export function setUpAgentNamespace(
  agents: AgentNamespace,
  ctx: ServiceContext,
  budgets: EventBudgets,
  chat: ChatBudgets,
  captions: Captions,
): void {
  agents.use(userAuth(ctx, ROLES));
  agents.on('connection', (socket) => {
    const { actor } = socket.data;
    if (actor.kind !== 'user') return void socket.disconnect(true);
    const me = { userId: actor.userId, officeId: actor.officeId };
    const room = agentRoom(actor.userId);
    // The office room carries what an administrator changes, e.g. a renamed service.
    void socket.join([room, officeRoom(actor.officeId)]);
    const log = ctx.log.child({ userId: actor.userId });
    // Two consoles of one officer would each answer the ringing offer's connection to the kiosk
    // and each take the call's media.
    closeEarlierSockets(agents.in(room).fetchSockets(), socket.id, (earlier) =>
      earlier.emit('agent:replaced', {}),
    ).catch((err: unknown) => log.warn({ err }, 'closing the earlier console failed'));
    agentReturned(ctx, me.userId).catch((err: unknown) =>
      log.error({ err }, 'clearing the reconnect grace failed'),
    );
    serveCommands(
      socket as never,
      agentContract.commands,
      {
        'agent:bootstrap': () => bootstrapAgent(ctx, me),
        'agent:setStatus': (input) => setAgentStatus(ctx, me, input),
        'agent:skills': () => agentSkillsOf(ctx.db, me.officeId, me.userId),
        'offer:accept': (input) => acceptOffer(ctx, me, input),
        'offer:decline': (input) => declineOffer(ctx, me, input),
        'call:signal': (input) => relaySignal(ctx, actor, input),
        'call:end': (input) => endCall(ctx, actor, input),
        'call:transfer': (input) => transferCall(ctx, actor, input),
        'callback:list': () => listCallbacks(ctx, me),
        'callback:close': (input) => closeCallbackRequest(ctx, me, input),
        'visit:note': (input) => writeVisitorNote(ctx, me, input),
        'call:record': (input) => recordCall(ctx, me, input),
        'visit:earlier': (input) => earlierVisitsOf(ctx, me, input),
        'chat:send': (input) => sendChat(ctx, chat, actor, input),
        'chat:history': (input) => chatHistory(ctx, actor, input),
        'chat:read': (input) => readChat(ctx, actor, input),
        'chat:typing': (input) => chatTyping(ctx, actor, input),
        'caption:send': (input) => sendCaption(ctx, captions, actor, input),
        'caption:sources': (input) => captionSources(ctx, captions, actor, input),
        'caption:trouble': (input) => reportCaptionTrouble(ctx, actor, input),
        'caption:audio': (input) => hearSpeech(ctx, captions, actor, input),
        'chat:quickReplies': () => quickRepliesFor(ctx, me),
      },
      { log, check: userCheck(ctx, ROLES), budgets },
    );
    socket.on('disconnect', () => {
      void agents
        .in(room)
        .fetchSockets()
        .then((left) => (left.length === 0 ? agentLeft(ctx, me) : undefined))
        .catch((err: unknown) => log.error({ err }, 'handling agent disconnect failed'));
    });
  });
}
