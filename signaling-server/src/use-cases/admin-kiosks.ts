import type {
  AdminKiosk,
  EnrolKioskBody,
  KioskAnswer,
  KioskList,
  KioskPairingAnswer,
  NewPairingBody,
  RenameKioskBody,
  RevokeKioskBody,
} from '@loket/shared';
import { hashToken, newToken } from '../auth/tokens.js';
import { audit } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { inTransaction } from '../context/transaction.js';
import type { Db } from '../store/database.js';
import { findKioskByName, revokeKiosk } from '../store/repositories/kiosks.js';
import { listKiosksInUse } from '../store/repositories/tickets.js';
import type { KioskRow } from '../store/schema.js';
import { admitAdmin, type AdminActor } from './admin-access.js';
import { issuePairing } from './kiosk-enrolment.js';

/** How long a pairing code made on the administration screen works. */
export const ADMIN_PAIRING_MS = 30 * 60_000;

async function kioskViews(ctx: ServiceContext, officeId: string, ids?: string[]) {
  let query = ctx.db.selectFrom('kiosks').selectAll().where('office_id', '=', officeId);
  if (ids) query = query.where('id', 'in', ids);
  const [rows, inUse, online] = await Promise.all([
    query.orderBy('name').execute(),
    listKiosksInUse(ctx.db, officeId),
    ctx.presence.kiosksConnected(officeId),
  ]);
  const busy = new Set(inUse);
  return rows.map((row): AdminKiosk => ({
    id: row.id,
    name: row.name,
    online: row.revoked_at === null && online.has(row.id),
    inUse: busy.has(row.id),
    lastSeenAt: row.last_seen_at === null ? null : Number(row.last_seen_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
    createdAt: Number(row.created_at),
    version: row.version,
  }));
}

async function kioskView(ctx: ServiceContext, officeId: string, id: string): Promise<AdminKiosk> {
  const [kiosk] = await kioskViews(ctx, officeId, [id]);
  if (!kiosk) throw new LoketError('NOT_FOUND', 'no such kiosk');
  return kiosk;
}

async function kioskOfOffice(db: Db, admin: AdminActor, id: string, version: number) {
  const kiosk = await db
    .selectFrom('kiosks')
    .selectAll()
    .where('id', '=', id)
    .where('office_id', '=', admin.officeId)
    .executeTakeFirst();
  if (!kiosk) throw new LoketError('NOT_FOUND', 'no such kiosk in this office');
  if (kiosk.version !== version) {
    throw new LoketError('CHANGED_ELSEWHERE', 'the kiosk was changed by someone else');
  }
  return kiosk;
}

/** Advances the kiosk's version from the one read; CHANGED_ELSEWHERE when it moved meanwhile. */
async function bumpVersion(trx: Db, kiosk: KioskRow, changes: Partial<Pick<KioskRow, 'name'>>) {
  const result = await trx
    .updateTable('kiosks')
    .set({ ...changes, version: kiosk.version + 1 })
    .where('id', '=', kiosk.id)
    .where('version', '=', kiosk.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw new LoketError('CHANGED_ELSEWHERE', 'the kiosk was changed by someone else');
  }
}

/** The office's kiosks, revoked ones included, with whether each is online and in use. */
export async function listAdminKiosks(
  ctx: ServiceContext,
  token: string | undefined,
): Promise<KioskList> {
  const admin = await admitAdmin(ctx, token, 'kiosks');
  return { kiosks: await kioskViews(ctx, admin.officeId) };
}

async function pairingFor(
  ctx: ServiceContext,
  admin: AdminActor,
  name: string,
  action: string,
): Promise<KioskPairingAnswer> {
  const pairing = await issuePairing(ctx.db, ctx, {
    officeId: admin.officeId,
    name,
    ttlMs: ADMIN_PAIRING_MS,
  });
  await audit(ctx, ctx.db, {
    officeId: admin.officeId,
    by: { userId: admin.userId },
    action,
    subjectId: pairing.kioskId,
    details: { name, expiresAt: pairing.expiresAt },
  });
  // Another administrator's kiosk list shows the new kiosk, or its new version, at once.
  ctx.notifier.kioskListChanged(admin.officeId);
  return {
    kiosk: await kioskView(ctx, admin.officeId, pairing.kioskId),
    code: pairing.code,
    expiresAt: pairing.expiresAt,
  };
}

/** Enrols a kiosk by a name no other kiosk of the office has, with its one-time pairing code. */
export async function enrolKiosk(
  ctx: ServiceContext,
  token: string | undefined,
  body: EnrolKioskBody,
): Promise<KioskPairingAnswer> {
  const admin = await admitAdmin(ctx, token, 'kiosks.enrol');
  if (await findKioskByName(ctx.db, admin.officeId, body.name)) {
    throw new LoketError('DUPLICATE', 'the office has a kiosk of this name');
  }
  return pairingFor(ctx, admin, body.name, 'admin.kiosk.enrolled');
}

/**
 * A fresh pairing code for an enrolled kiosk (its earlier codes stop working); pairing a revoked
 * kiosk with it brings the kiosk back.
 */
export async function newKioskPairing(
  ctx: ServiceContext,
  token: string | undefined,
  body: NewPairingBody,
): Promise<KioskPairingAnswer> {
  const admin = await admitAdmin(ctx, token, 'kiosks.pairing');
  const kiosk = await inTransaction(ctx, async (trx) => {
    const kiosk = await kioskOfOffice(trx, admin, body.id, body.version);
    await bumpVersion(trx, kiosk, {});
    return kiosk;
  });
  return pairingFor(ctx, admin, kiosk.name, 'admin.kiosk.pairing_issued');
}

/** Renames a kiosk; a name another kiosk of the office has is refused DUPLICATE. */
export async function renameKiosk(
  ctx: ServiceContext,
  token: string | undefined,
  body: RenameKioskBody,
): Promise<KioskAnswer> {
  const admin = await admitAdmin(ctx, token, 'kiosks.rename');
  await inTransaction(ctx, async (trx, outbox) => {
    const kiosk = await kioskOfOffice(trx, admin, body.id, body.version);
    const other = await findKioskByName(trx, admin.officeId, body.name);
    if (other && other.id !== kiosk.id) {
      throw new LoketError('DUPLICATE', 'the office has a kiosk of this name');
    }
    await bumpVersion(trx, kiosk, { name: body.name });
    await audit(ctx, trx, {
      officeId: admin.officeId,
      by: { userId: admin.userId },
      action: 'admin.kiosk.renamed',
      subjectId: kiosk.id,
      details: { from: kiosk.name, to: body.name },
    });
    outbox.add((notifier) => notifier.kioskChanged(admin.officeId, kiosk.id));
    outbox.add((notifier) => notifier.kioskListChanged(admin.officeId));
  });
  return { kiosk: await kioskView(ctx, admin.officeId, body.id) };
}

/**
 * Revokes a kiosk: its credentials and codes stop working, and its sockets close at once, so it
 * shows its unenrolled screen.
 */
export async function revokeAdminKiosk(
  ctx: ServiceContext,
  token: string | undefined,
  body: RevokeKioskBody,
): Promise<KioskAnswer> {
  const admin = await admitAdmin(ctx, token, 'kiosks.revoke');
  await inTransaction(ctx, async (trx, outbox) => {
    const kiosk = await kioskOfOffice(trx, admin, body.id, body.version);
    if (kiosk.revoked_at !== null) throw new LoketError('INVALID_STATE', 'already revoked');
    await bumpVersion(trx, kiosk, {});
    await revokeKiosk(trx, kiosk.id, ctx.clock(), hashToken(newToken()));
    await audit(ctx, trx, {
      officeId: admin.officeId,
      by: { userId: admin.userId },
      action: 'admin.kiosk.revoked',
      subjectId: kiosk.id,
    });
    outbox.add((notifier) => notifier.kioskCredentialsChanged(kiosk.id));
    outbox.add((notifier) => notifier.kioskListChanged(admin.officeId));
    outbox.queueChanged(admin.officeId);
  });
  return { kiosk: await kioskView(ctx, admin.officeId, body.id) };
}
