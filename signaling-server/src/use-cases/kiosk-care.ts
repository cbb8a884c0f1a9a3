import {
  KioskHealthReport,
  type KioskStatus,
  type LocalizedText,
  type OfficeMessage,
} from '@loket/shared';
import { audit } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { inTransaction } from '../context/transaction.js';
import type { Db } from '../store/database.js';
import {
  findKiosk,
  findOutOfService,
  listOfficeKiosks,
  recordKioskHealth,
  setKioskOutOfService,
} from '../store/repositories/kiosks.js';
import { findActiveTicketForKiosk, listKiosksInUse } from '../store/repositories/tickets.js';
import type { KioskRow } from '../store/schema.js';
import type { ManagerActor } from './manager.js';

/** A kiosk as it acts. */
interface KioskActor {
  kioskId: string;
  officeId: string;
}

/** A stored report, if it still reads as the contract says (a report from an older app may not). */
function healthOf(row: KioskRow): KioskHealthReport | null {
  if (row.health === null) return null;
  try {
    const parsed = KioskHealthReport.safeParse(JSON.parse(row.health));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function statusOf(row: KioskRow, online: boolean, inUse: boolean): KioskStatus {
  return {
    id: row.id,
    name: row.name,
    online,
    inUse,
    outOfService: row.out_of_service_at !== null,
    lastSeenAt: row.last_seen_at === null ? null : Number(row.last_seen_at),
    health: healthOf(row),
    healthAt: row.health_at === null ? null : Number(row.health_at),
  };
}

/** Stores a kiosk's heartbeat; the office's dashboards hear of it. */
export async function reportKioskHealth(
  ctx: ServiceContext,
  kiosk: KioskActor,
  report: KioskHealthReport,
): Promise<null> {
  await recordKioskHealth(ctx.db, kiosk.kioskId, JSON.stringify(report), ctx.clock());
  ctx.notifier.kioskChanged(kiosk.officeId, kiosk.kioskId);
  return null;
}

/** Every kiosk of an office as a desk manager watches it. */
export async function kioskStatuses(
  ctx: ServiceContext,
  officeId: string,
): Promise<{ kiosks: KioskStatus[] }> {
  const [rows, holding, online] = await Promise.all([
    listOfficeKiosks(ctx.db, officeId),
    listKiosksInUse(ctx.db, officeId),
    ctx.presence.kiosksConnected(officeId),
  ]);
  const inUse = new Set(holding);
  return {
    kiosks: rows.map((row) => statusOf(row, online.has(row.id), inUse.has(row.id))),
  };
}

/** One kiosk as a desk manager watches it; undefined once it is revoked or gone. */
export async function kioskStatus(
  ctx: ServiceContext,
  kioskId: string,
): Promise<KioskStatus | undefined> {
  const row = await findKiosk(ctx.db, kioskId);
  if (!row || row.revoked_at !== null) return undefined;
  const [online, ticket] = await Promise.all([
    ctx.presence.kioskConnected(kioskId),
    findActiveTicketForKiosk(ctx.db, kioskId),
  ]);
  return statusOf(row, online, ticket !== undefined);
}

/** Refuses a new ticket or call-back at a kiosk a manager has taken out of service. */
export async function ensureInService(db: Db, kioskId: string): Promise<void> {
  const outOfService = await findOutOfService(db, kioskId);
  if (outOfService !== undefined && outOfService !== null) {
    throw new LoketError('KIOSK_CLOSED', 'this kiosk is out of service');
  }
}

async function kioskOf(trx: Db, manager: ManagerActor, kioskId: string): Promise<KioskRow> {
  const kiosk = await findKiosk(trx, kioskId);
  if (!kiosk || kiosk.office_id !== manager.officeId || kiosk.revoked_at !== null) {
    throw new LoketError('NOT_FOUND', 'no such kiosk in your office');
  }
  return kiosk;
}

/** What a manager asks of one kiosk, audited. */
type KioskRequest =
  | { kind: 'reload' }
  | { kind: 'selfTest' }
  | { kind: 'message'; text: LocalizedText }
  | { kind: 'service'; inService: boolean };

const AUDITED_AS: Record<KioskRequest['kind'], string> = {
  reload: 'kiosk.reload_requested',
  selfTest: 'kiosk.self_test_requested',
  message: 'kiosk.messaged',
  service: 'kiosk.service_changed',
};

/**
 * A manager's request of one kiosk of their office: reload its app, check its devices now, show a
 * message, or take it out of service and back. Audited with who asked; the kiosk hears of it
 * after the commit, and a change of service reaches the office's dashboards too.
 */
export async function requestOfKiosk(
  ctx: ServiceContext,
  manager: ManagerActor,
  kioskId: string,
  request: KioskRequest,
): Promise<null> {
  await inTransaction(ctx, async (trx, outbox) => {
    const kiosk = await kioskOf(trx, manager, kioskId);
    const { kind, ...details } = request;
    await audit(ctx, trx, {
      officeId: manager.officeId,
      by: manager,
      action: AUDITED_AS[kind],
      subjectId: kiosk.id,
      details,
    });
    if (request.kind === 'service') {
      const closed = kiosk.out_of_service_at !== null;
      if (closed !== !request.inService) {
        await setKioskOutOfService(trx, kiosk.id, request.inService ? null : ctx.clock());
      }
      outbox.add((n) => n.kioskService(kiosk.id, { inService: request.inService }));
      outbox.add((n) => n.kioskChanged(kiosk.office_id, kiosk.id));
    } else if (request.kind === 'message') {
      const message: OfficeMessage = { text: request.text, at: ctx.clock() };
      outbox.add((n) => n.kioskMessage(kiosk.id, message));
    } else {
      outbox.add((n) => n.kioskRequest(kiosk.id, request.kind));
    }
  });
  return null;
}
