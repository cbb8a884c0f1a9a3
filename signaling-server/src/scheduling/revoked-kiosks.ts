import type { ServiceContext } from '../context/context.js';
import { removeStaleKioskMedia } from '../queue/kiosk-media.js';
import { listKiosksRevokedSince } from '../store/repositories/kiosks.js';

/**
 * Closes the sockets of kiosks revoked since the last look, wherever the revocation was made (the
 * command line writes only the database), and puts them out of their calls' media, so a revoked
 * kiosk is shut out within one sweep.
 */
export function revokedKioskSweep(ctx: ServiceContext): () => Promise<void> {
  let since = ctx.clock();
  return async () => {
    const now = ctx.clock();
    for (const kioskId of await listKiosksRevokedSince(ctx.db, since)) {
      ctx.notifier.kioskCredentialsChanged(kioskId);
      await removeStaleKioskMedia(ctx, kioskId);
      ctx.log.info({ kioskId }, 'revoked kiosk disconnected');
    }
    since = now;
  };
}
