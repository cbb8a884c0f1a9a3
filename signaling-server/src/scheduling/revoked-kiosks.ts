import type { ServiceContext } from '../context/context.js';
import { removeStaleKioskMedia } from '../queue/kiosk-media.js';
import { listKiosksRevokedSince } from '../store/repositories/kiosks.js';

/**
 * How far back each sweep looks again: a revocation is stamped before its transaction commits, so
 * it may become visible only after a sweep has already looked past its time.
 */
const LATE_COMMIT_MS = 10_000;

/**
 * Closes the sockets of kiosks revoked since the last look, wherever the revocation was made (the
 * command line writes only the database), and puts them out of their calls' media, so a revoked
 * kiosk is shut out within one sweep. Each revocation is handled once.
 */
export function revokedKioskSweep(ctx: ServiceContext): () => Promise<void> {
  let since = ctx.clock();
  /** Revocations handled within the look-back, by kiosk: when each was stamped. */
  const handled = new Map<string, number>();
  return async () => {
    const now = ctx.clock();
    const from = since - LATE_COMMIT_MS;
    for (const { id: kioskId, revoked_at: at } of await listKiosksRevokedSince(ctx.db, from)) {
      if (handled.get(kioskId) === at) continue;
      ctx.notifier.kioskCredentialsChanged(kioskId);
      await removeStaleKioskMedia(ctx, kioskId);
      ctx.log.info({ kioskId }, 'revoked kiosk disconnected');
      handled.set(kioskId, at);
    }
    for (const [kioskId, at] of handled) if (at < from) handled.delete(kioskId);
    since = now;
  };
}
