import { kioskContract } from '@loket/shared';
import { linkEarlierTicket } from '../use-cases/earlier-visits.js';
import type { ServiceContext } from '../context/context.js';
import { childWhenUsed } from '../log.js';
import { endCall, relaySignal } from '../use-cases/call.js';
import {
  chatHistory,
  chatTyping,
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
import {
  bootstrapKiosk,
  cancelTicket,
  checkAvailability,
  createTicket,
  requestCallback,
} from '../use-cases/kiosk.js';
import { kioskConnected, replaceKioskHolder } from '../use-cases/kiosk-enrolment.js';
import { reportKioskHealth } from '../use-cases/kiosk-care.js';
import { submitSurvey } from '../use-cases/survey.js';
import { kioskLeft } from '../use-cases/presence.js';
import { kioskAuth, kioskCheck } from './auth.js';
import { serveCommands } from './handler.js';
import type { EventBudgets } from './socket-limits.js';
import type { KioskNamespace } from './namespaces.js';
import { closeEarlierSockets } from './newest-wins.js';
import { kioskRoom, officeRoom } from './rooms.js';

/** Wires `/kiosk`: enrolled kiosks take and cancel tickets and take part in calls. */
export function setUpKioskNamespace(
  kiosks: KioskNamespace,
  ctx: ServiceContext,
  budgets: EventBudgets,
  chat: ChatBudgets,
  captions: Captions,
): void {
  // The pending credential a socket presented is made current with what its connection writes.
  const presentedPending = new WeakMap<object, string>();
  kiosks.use(kioskAuth(ctx, (socket, tokenHash) => presentedPending.set(socket, tokenHash)));
  // Before the new connection can ask for anything (a join token among it), a live earlier one
  // makes this a takeover: the earlier holder's media identity is retired first.
  kiosks.use((socket, next) => {
    const { actor } = socket.data;
    if (actor.kind !== 'kiosk') return next();
    void kiosks
      .in(kioskRoom(actor.kioskId))
      .fetchSockets()
      .then((open) => (open.length > 0 ? replaceKioskHolder(ctx, actor.kioskId) : undefined))
      .catch((err: unknown) =>
        ctx.log.error({ err, kioskId: actor.kioskId }, 'retiring the earlier holder failed'),
      )
      .finally(() => next())
      .catch((err: unknown) =>
        ctx.log.error({ err, kioskId: actor.kioskId }, 'kiosk connection handler failed'),
      );
  });
  kiosks.on('connection', (socket) => {
    const { actor } = socket.data;
    if (actor.kind !== 'kiosk') return void socket.disconnect(true);
    const me = { kioskId: actor.kioskId, officeId: actor.officeId };
    const room = kioskRoom(actor.kioskId);
    const log = childWhenUsed(ctx.log, { kioskId: actor.kioskId });
    // Its own room, and the office's for messages from the desk manager.
    void socket.join([room, officeRoom(actor.officeId)]);
    closeEarlierSockets(kiosks.in(room).fetchSockets(), socket.id, (earlier) =>
      earlier.emit('kiosk:replaced', {}),
    ).catch((err: unknown) => log.warn({ err }, 'closing the earlier kiosk screen failed'));
    // The next credential goes out with the bootstrap every kiosk asks for on connecting, not in
    // a message of its own: one frame less for each connection. Written after the joins above,
    // the standing it reads misses no change the kiosk was not sent; the first bootstrap answers
    // from it, and a later one (a retry) reads the kiosk anew.
    const handed = kioskConnected(ctx, actor.kioskId, presentedPending.get(socket) ?? null).catch(
      (err: unknown) => {
        log.error({ err }, 'handing the kiosk its next credential failed');
        return null;
      },
    );
    let firstBootstrap = true;
    ctx.notifier.kioskChanged(me.officeId, me.kioskId);
    socket.on('disconnect', () => {
      void kiosks
        .in(room)
        .fetchSockets()
        .then((left) => {
          if (left.length > 0) return undefined;
          ctx.notifier.kioskChanged(me.officeId, me.kioskId);
          return kioskLeft(ctx, me);
        })
        .catch((err: unknown) => log.error({ err }, 'handling kiosk disconnect failed'));
    });
    serveCommands(
      socket as never,
      kioskContract.commands,
      {
        'kiosk:bootstrap': async () => {
          const first = firstBootstrap;
          firstBootstrap = false;
          const connection = await handed;
          const written = first && connection ? { standing: connection.standing } : null;
          return {
            ...(await bootstrapKiosk(ctx, me, written)),
            credential: connection?.credential ?? null,
          };
        },
        'service:availability': (input) => checkAvailability(ctx, me, input),
        'ticket:create': (input) => createTicket(ctx, me, input),
        'ticket:linkEarlier': (input) => linkEarlierTicket(ctx, me, input),
        'callback:request': (input) => requestCallback(ctx, me, input),
        'ticket:cancel': (input) => cancelTicket(ctx, me, input),
        'call:signal': (input) => relaySignal(ctx, actor, input),
        'call:end': (input) => endCall(ctx, actor, input),
        'kiosk:heartbeat': (report) => reportKioskHealth(ctx, me, report),
        'survey:submit': (survey) => submitSurvey(ctx, me, survey),
        'chat:send': (input) => sendChat(ctx, chat, actor, input),
        'chat:history': (input) => chatHistory(ctx, actor, input),
        'chat:read': (input) => readChat(ctx, actor, input),
        'chat:typing': (input) => chatTyping(ctx, actor, input),
        'caption:send': (input) => sendCaption(ctx, captions, actor, input),
        'caption:sources': (input) => captionSources(ctx, captions, actor, input),
        'caption:trouble': (input) => reportCaptionTrouble(ctx, actor, input),
        'caption:audio': (input) => hearSpeech(ctx, captions, actor, input),
      },
      { log, check: kioskCheck, budgets },
    );
  });
}
