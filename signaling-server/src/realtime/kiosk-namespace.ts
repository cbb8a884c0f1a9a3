import { kioskContract, type SocketActor } from '@loket/shared';
import { linkEarlierTicket } from '../use-cases/earlier-visits.js';
import type { ServiceContext } from '../context/context.js';
import type { Logger } from '../log.js';
import { endCall, relaySignal } from '../use-cases/call.js';
import {
  bootstrapKiosk,
  cancelTicket,
  checkAvailability,
  createTicket,
  requestCallback,
  type KioskActor,
} from '../use-cases/kiosk.js';
import {
  kioskConnected,
  replaceKioskHolder,
  type KioskConnection,
} from '../use-cases/kiosk-enrolment.js';
import { reportKioskHealth } from '../use-cases/kiosk-care.js';
import { submitSurvey } from '../use-cases/survey.js';
import { kioskLeft } from '../use-cases/presence.js';
import { kioskAuth, kioskCheck } from './auth.js';
import { Connection } from './connection.js';
import { conversationHandlers } from './conversation-commands.js';
import { commandServer } from './handler.js';
import type { KioskNamespace, KioskSocket, NamespaceDeps } from './namespaces.js';
import { closeEarlierSockets } from './newest-wins.js';
import { kioskRoom, officeRoom } from './rooms.js';
import { othersMayBeIn, roomMembers } from './room-members.js';

/**
 * How many times a bootstrap is read in all when events keep crossing it: a kiosk in a busy
 * office hears its place move often, and one answer must still come.
 */
const BOOTSTRAP_READS = 3;

type Written = { standing: KioskConnection['standing'] };

/** A kiosk's socket, as its commands see it. */
class KioskSession extends Connection<KioskActor> {
  /** What the connection writes, until a bootstrap has taken it. */
  #handed: Promise<KioskConnection | null> | null = null;
  /** The next credential, once a bootstrap has taken what the connection wrote. */
  #credential: string | null = null;
  /** Whether the next bootstrap is the first: only that one answers from the write's standing. */
  #first = true;
  /** Events sent on the socket since it connected. */
  #sent = 0;
  readonly #count = () => void (this.#sent += 1);

  constructor(actor: SocketActor, me: KioskActor, log: Logger, socket: KioskSocket) {
    super(actor, me, log);
    socket.onAnyOutgoing(this.#count);
  }

  /** What the connection writes, for the first bootstrap to answer from. */
  hand(written: Promise<KioskConnection | null>): void {
    this.#handed = written;
  }

  /**
   * What a bootstrap answers with: the next credential, and for the first bootstrap the standing
   * the connection's write read (a later one, a retry, reads the kiosk anew). Once taken, only
   * the credential is kept: a socket holds for its whole life no more than a retry needs.
   */
  async #handOver(): Promise<{ credential: string | null; written: Written | null }> {
    const first = this.#first;
    this.#first = false;
    if (this.#handed) {
      const connection = await this.#handed;
      this.#handed = null;
      this.#credential = connection?.credential ?? null;
      if (first && connection) {
        return { credential: connection.credential, written: { standing: connection.standing } };
      }
    }
    return { credential: this.#credential, written: null };
  }

  /**
   * A bootstrap's answer, never older than an event the kiosk heard before it. An event sent
   * while the answer was read (from another instance, say, whose commit the read just missed)
   * reaches the kiosk first, and an older answer arriving after it would undo it: a ticket heard
   * closed would wait on screen for good. So the answer is read again while events cross it. The
   * first answer starts from the connection's write, so events since the connection count.
   */
  async bootstrap<A>(
    read: (written: Written | null) => Promise<A>,
  ): Promise<A & { credential: string | null }> {
    const { credential, written } = await this.#handOver();
    let since = written ? 0 : this.#sent;
    let answer = await read(written);
    for (let reads = 1; this.#sent > since && reads < BOOTSTRAP_READS; reads++) {
      since = this.#sent;
      answer = await read(null);
    }
    return { ...answer, credential };
  }
}

/** Wires `/kiosk`: enrolled kiosks take and cancel tickets and take part in calls. */
export function setUpKioskNamespace(
  kiosks: KioskNamespace,
  ctx: ServiceContext,
  deps: NamespaceDeps,
): void {
  const membersOf = roomMembers(kiosks, deps.clustered);
  const othersIn = othersMayBeIn(kiosks, deps.clustered);
  const serve = commandServer<typeof kioskContract.commands, KioskSession>(
    kioskContract.commands,
    {
      ...conversationHandlers(ctx, deps),
      'kiosk:bootstrap': (_input, session) =>
        session.bootstrap((written) => bootstrapKiosk(ctx, session.me, written)),
      'service:availability': (input, { me }) => checkAvailability(ctx, me, input),
      'ticket:create': (input, { me }) => createTicket(ctx, me, input),
      'ticket:linkEarlier': (input, { me }) => linkEarlierTicket(ctx, me, input),
      'callback:request': (input, { me }) => requestCallback(ctx, me, input),
      'ticket:cancel': (input, { me }) => cancelTicket(ctx, me, input),
      'call:signal': (input, { actor }) => relaySignal(ctx, actor, input),
      'call:end': (input, { actor }) => endCall(ctx, actor, input),
      'kiosk:heartbeat': (report, { me }) => reportKioskHealth(ctx, me, report),
      'survey:submit': (survey, { me }) => submitSurvey(ctx, me, survey),
    },
    { check: kioskCheck, budgets: deps.budgets },
  );
  // The pending credential a socket presented is made current with what its connection writes.
  const presentedPending = new WeakMap<object, string>();
  kiosks.use(kioskAuth(ctx, (socket, tokenHash) => presentedPending.set(socket, tokenHash)));
  // Before the new connection can ask for anything (a join token among it), a live earlier one
  // makes this a takeover: the earlier holder's media identity is retired first.
  kiosks.use((socket, next) => {
    const { actor } = socket.data;
    if (actor.kind !== 'kiosk' || !othersIn(kioskRoom(actor.kioskId))) return next();
    void membersOf(kioskRoom(actor.kioskId))
      .then((open) => (open.length > 0 ? replaceKioskHolder(ctx, actor.kioskId) : undefined))
      .catch((err: unknown) =>
        ctx.log.error({ err, kioskId: actor.kioskId }, 'retiring the earlier holder failed'),
      )
      .finally(() => next())
      .catch((err: unknown) =>
        ctx.log.error({ err, kioskId: actor.kioskId }, 'kiosk connection handler failed'),
      );
  });
  // One listener for every kiosk's socket (`this`), rather than a closure made for each.
  function kioskGone(this: KioskSocket) {
    const { actor } = this.data;
    if (actor.kind !== 'kiosk') return;
    const me = { kioskId: actor.kioskId, officeId: actor.officeId };
    void membersOf(kioskRoom(me.kioskId))
      .then((left) => {
        if (left.length > 0) return undefined;
        ctx.notifier.kioskChanged(me.officeId, me.kioskId);
        return kioskLeft(ctx, me);
      })
      .catch((err: unknown) => ctx.log.error({ err, ...me }, 'handling kiosk disconnect failed'));
  }
  kiosks.on('connection', (socket) => {
    const { actor } = socket.data;
    if (actor.kind !== 'kiosk') return void socket.disconnect(true);
    const me = { kioskId: actor.kioskId, officeId: actor.officeId };
    const room = kioskRoom(actor.kioskId);
    // Made first, so it counts every event the socket is sent from here on.
    const session = new KioskSession(actor, me, ctx.log, socket);
    // Its own room, and the office's for messages from the desk manager.
    void socket.join([room, officeRoom(actor.officeId)]);
    // The next credential goes out with the bootstrap every kiosk asks for on connecting, not in
    // a message of its own: one frame less for each connection. Written after the joins above,
    // the standing it reads misses no change the kiosk was not sent; the first bootstrap answers
    // from it, and a later one (a retry) reads the kiosk anew.
    session.hand(
      kioskConnected(ctx, actor.kioskId, presentedPending.get(socket) ?? null).catch(
        (err: unknown) => {
          ctx.log.error({ err, ...me }, 'handing the kiosk its next credential failed');
          return null;
        },
      ),
    );
    if (othersIn(room, socket.id)) {
      closeEarlierSockets(membersOf(room), socket.id, (earlier) =>
        earlier.emit('kiosk:replaced', {}),
      ).catch((err: unknown) =>
        session.log.warn({ err }, 'closing the earlier kiosk screen failed'),
      );
    }
    ctx.notifier.kioskChanged(me.officeId, me.kioskId);
    socket.on('disconnect', kioskGone);
    serve(socket as never, session);
  });
}
