import type { Role } from '@loket/shared';
import { Empty } from '@loket/shared';
import type { Logger } from '../log.js';
import type { ServiceContext } from '../services/context.js';
import { queueSnapshot } from '../services/snapshot.js';
import { userAuth, userCheck } from './auth.js';
import { Handlers } from './handler.js';
import type { ManagerNamespace } from './namespaces.js';
import { officeRoom } from './rooms.js';

const ROLES: readonly Role[] = ['manager', 'admin'];

/** Wires `/manager`: desk managers watch their office's live queue. */
export function setUpManagerNamespace(
  managers: ManagerNamespace,
  ctx: ServiceContext,
  log: Logger,
): void {
  managers.use(userAuth(ctx.db, ctx.clock, ROLES));
  managers.on('connection', (socket) => {
    const { actor } = socket.data;
    if (actor.kind !== 'user') return void socket.disconnect(true);
    void socket.join(officeRoom(actor.officeId));
    new Handlers(
      socket as never,
      log.child({ userId: actor.userId }),
      userCheck(ctx.db, ctx.clock, ROLES),
    ).on('queue:snapshot', Empty, () => queueSnapshot(ctx, actor.officeId));
  });
}
