import { randomInt } from 'node:crypto';
import { hashToken, newToken } from '../auth/tokens.js';
import { newKioskCredential } from '../auth/kiosk-credentials.js';
import type { SlidingWindow } from '../auth/sliding-window.js';
import { audit } from '../context/audit.js';
import { kioskTakenOver, removeStaleKioskMedia } from '../queue/kiosk-media.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import type { Db } from '../store/database.js';
import { groupedWrites, powerOfTwoRuns } from '../store/grouped-writes.js';
import {
  findKioskByName,
  insertKiosk,
  insertPairing,
  revokeKiosk,
  setKioskCredentials,
  writeKioskArrivals,
  type KioskArrival,
  type KioskStanding,
  takePairing,
} from '../store/repositories/kiosks.js';
import { clearTimers } from '../store/repositories/timers.js';

/** Letters and digits nobody confuses when reading them off a screen (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

/** A new pairing code: 8 of 31 symbols, about 40 bits, usable once and for minutes. */
function newPairingCode(): string {
  return Array.from(
    { length: CODE_LENGTH },
    () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)],
  ).join('');
}

/** A code as it is shown: `ABCD-EFGH`. */
export function formatPairingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A pairing code for a kiosk, and until when it works. */
export interface Pairing {
  kioskId: string;
  code: string;
  expiresAt: number;
}

/**
 * Makes a one-time pairing code for the kiosk named `name` in `officeId`, enrolling the kiosk
 * first if the office has none of that name. Its earlier codes stop working; its credential is
 * untouched until the code is used.
 */
export async function issuePairing(
  db: Db,
  deps: { clock: () => number; ids: () => string },
  { officeId, name, ttlMs }: { officeId: string; name: string; ttlMs: number },
): Promise<Pairing> {
  const now = deps.clock();
  const code = newPairingCode();
  return db.transaction().execute(async (trx) => {
    let kiosk = await findKioskByName(trx, officeId, name);
    if (!kiosk) {
      // Nobody holds this credential: the kiosk can only come in through its pairing code.
      const id = deps.ids();
      await insertKiosk(trx, {
        id,
        office_id: officeId,
        name,
        token_hash: hashToken(newToken()),
        created_at: now,
        last_seen_at: null,
      });
      kiosk = await findKioskByName(trx, officeId, name);
    }
    const kioskId = kiosk!.id;
    await insertPairing(trx, {
      code_hash: hashToken(code),
      kiosk_id: kioskId,
      created_at: now,
      expires_at: now + ttlMs,
    });
    return { kioskId, code, expiresAt: now + ttlMs };
  });
}

/**
 * Exchanges a pairing code for the kiosk's credential. The code works once; every credential the
 * kiosk held before stops working, and sockets opened with them are closed. Attempts are counted
 * per address in `attempts` so codes cannot be guessed.
 */
export async function pairKiosk(
  ctx: ServiceContext,
  code: string,
  { attempts, address }: { attempts: SlidingWindow; address: string },
): Promise<{ credential: string }> {
  const now = ctx.clock();
  const verdict = attempts.check(address, now);
  if (!verdict.allowed) {
    throw new LoketError('RATE_LIMITED', 'too many pairing attempts', verdict.retryAt);
  }
  attempts.record(address, now);
  const paired = await ctx.db.transaction().execute(async (trx) => {
    const kioskId = await takePairing(trx, hashToken(code), now);
    if (!kioskId) return null;
    const credential = newKioskCredential(kioskId);
    await setKioskCredentials(trx, kioskId, {
      token_hash: hashToken(credential),
      pending_token_hash: null,
    });
    const kiosk = await trx
      .selectFrom('kiosks')
      .select('office_id')
      .where('id', '=', kioskId)
      .executeTakeFirstOrThrow();
    await audit(ctx, trx, {
      officeId: kiosk.office_id,
      by: { kioskId },
      action: 'kiosk.paired',
      subjectId: kioskId,
      details: { address },
    });
    return { kioskId, credential };
  });
  if (!paired) throw new LoketError('NOT_FOUND', 'unknown, used or expired pairing code');
  const { kioskId, credential } = paired;
  ctx.notifier.kioskCredentialsChanged(kioskId);
  await removeStaleKioskMedia(ctx, kioskId).catch((err: unknown) =>
    ctx.log.error(
      { err, kioskId },
      'the earlier holder of a paired kiosk could not be removed from its call',
    ),
  );
  ctx.log.info({ kioskId, address }, 'kiosk paired');
  return { credential };
}

/** A kiosk that connected: what its row is to hold, and when it connected. */
interface Arrival extends KioskArrival {
  at: number;
}

/**
 * How far apart the groups of kiosks written as they connect are (see `Pacing`). A commit each
 * cost SQLite a log write of a few pages, and PostgreSQL four round trips and a flush. After a
 * restart a whole office comes back within a second or two, and groups 20 ms apart held four
 * kiosks each on a server that was busy taking the connections; 100 ms apart they hold some
 * thirty. A kiosk connecting alone is written at once; the kiosk waits for its next credential
 * only in its bootstrap's answer.
 */
const ARRIVALS_SPACING_MS = 100;

// Kiosk rows in the order of their ids, then their timers: see the lock order in
// `context/transaction.ts`. A kiosk that connected twice keeps the credential handed last, and
// has the pending credential made current that it last connected with, if it did.
const writeArrivals = groupedWrites(
  async (trx: Db, arrivals: readonly Arrival[]) => {
    const latest = new Map<string, KioskArrival>();
    for (const { id, tokenHash, presentedPending } of arrivals) {
      latest.set(id, {
        id,
        tokenHash,
        presentedPending: presentedPending ?? latest.get(id)?.presentedPending ?? null,
      });
    }
    const kiosks = [...latest.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    const at = Math.max(...arrivals.map((arrival) => arrival.at));
    const runs = powerOfTwoRuns(kiosks);
    const standings = new Map<string, KioskStanding>();
    for (const run of runs) {
      for (const [id, standing] of await writeKioskArrivals(trx, run, at)) {
        standings.set(id, standing);
      }
    }
    for (const run of runs) {
      await clearTimers(
        trx,
        'kiosk_grace',
        run.map((kiosk) => kiosk.id),
      );
    }
    return arrivals.map((arrival) => standings.get(arrival.id));
  },
  { spacingMs: ARRIVALS_SPACING_MS },
);

/** What a kiosk's connection wrote, its next credential, and its standing as that write read it. */
export interface KioskConnection {
  credential: string;
  /** Undefined when the kiosk's row is gone. */
  standing: KioskStanding | undefined;
}

/**
 * A kiosk connected: it is handed the credential for its next connection and noted as last seen
 * now, and whatever it held goes on (its reconnect grace is over). One that connected with its
 * pending credential (`presentedPending`, its hash) has it made current. Until the kiosk uses the
 * new credential, the one it connected with keeps working (the new one may not have reached its
 * storage). Kiosks connecting together are written in one transaction, which also reads each
 * one's standing for its bootstrap: one statement for both, where a read of its own was one
 * more statement for each kiosk.
 */
export async function kioskConnected(
  ctx: ServiceContext,
  kioskId: string,
  presentedPending: string | null,
): Promise<KioskConnection> {
  const credential = newKioskCredential(kioskId);
  const standing = await writeArrivals(ctx.db, {
    id: kioskId,
    tokenHash: hashToken(credential),
    presentedPending,
    at: ctx.clock(),
  });
  return { credential, standing };
}

/**
 * A kiosk connects while an earlier connection of it is still open. The newest wins, so whoever
 * held the kiosk before loses its media identity as well as its socket.
 */
export async function replaceKioskHolder(ctx: ServiceContext, kioskId: string): Promise<void> {
  await kioskTakenOver(ctx, kioskId);
  ctx.log.info({ kioskId }, 'kiosk taken over by a newer connection');
}

/** Revokes a kiosk by name: it and anyone holding its credential are shut out at once. */
export async function revokeKioskByName(
  db: Db,
  now: number,
  { officeId, name }: { officeId: string; name: string },
): Promise<boolean> {
  const kiosk = await findKioskByName(db, officeId, name);
  if (!kiosk) return false;
  await db.transaction().execute((trx) => revokeKiosk(trx, kiosk.id, now, hashToken(newToken())));
  return true;
}
