import {
  LocalizedText,
  Skill,
  type AdminService,
  type AdminServices,
  type ReorderServicesBody,
  type RetireServiceBody,
  type ServiceFields,
  type UpdateServiceBody,
} from '@loket/shared';
import { z } from 'zod';
import { audit } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { inTransaction } from '../context/transaction.js';
import type { Db } from '../store/database.js';
import {
  countWaitingByService,
  findServiceByLetter,
  insertService,
  listAllServices,
  nextServiceOrder,
  setServiceOrder,
  updateServiceAt,
} from '../store/repositories/office-admin.js';
import type { ServiceRow } from '../store/schema.js';
import { admitAdmin, type AdminActor } from './admin-guard.js';
import { tellKiosks } from './admin-office.js';

function parsedList<T>(schema: z.ZodType<T>, json: string): T[] {
  const parsed = z.array(schema).safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : [];
}

function adminServiceView(row: ServiceRow, waiting: Map<string, number>): AdminService {
  return {
    id: row.id,
    letter: row.letter,
    name: { id: row.name_id, en: row.name_en },
    description: { id: row.description_id, en: row.description_en },
    icon: row.icon as AdminService['icon'],
    requirements: parsedList(LocalizedText, row.requirements),
    skills: parsedList(Skill, row.skills),
    active: row.active === 1,
    version: row.version,
    waiting: waiting.get(row.id) ?? 0,
  };
}

async function servicesOf(db: Db, officeId: string): Promise<AdminServices> {
  const waiting = await countWaitingByService(db, officeId);
  return {
    services: (await listAllServices(db, officeId)).map((row) => adminServiceView(row, waiting)),
  };
}

async function serviceOf(db: Db, officeId: string, id: string): Promise<AdminService> {
  const found = (await servicesOf(db, officeId)).services.find((service) => service.id === id);
  if (!found) throw new LoketError('NOT_FOUND', 'no such service in this office');
  return found;
}

function columnsOf(fields: ServiceFields) {
  return {
    letter: fields.letter,
    name_id: fields.name.id,
    name_en: fields.name.en,
    description_id: fields.description.id,
    description_en: fields.description.en,
    icon: fields.icon,
    requirements: JSON.stringify(fields.requirements),
    skills: JSON.stringify(fields.skills),
  };
}

async function ensureLetterFree(db: Db, officeId: string, letter: string, id: string | null) {
  if (await findServiceByLetter(db, officeId, letter, id)) {
    throw new LoketError('DUPLICATE', `another service already has the letter ${letter}`);
  }
}

/** Refuses a change whose version is not the service's own, or to a service not the office's. */
async function refuseStale(db: Db, officeId: string, id: string): Promise<never> {
  await serviceOf(db, officeId, id);
  throw new LoketError('CHANGED_ELSEWHERE', 'the service changed since it was read');
}

function record(ctx: ServiceContext, trx: Db, admin: AdminActor, verb: string, id: string) {
  return audit(ctx, trx, {
    officeId: admin.officeId,
    by: { userId: admin.userId },
    action: `admin.service.${verb}`,
    subjectId: id,
  });
}

/** The office's services, retired ones included, with how many tickets wait for each. */
export async function readAdminServices(
  ctx: ServiceContext,
  token: string | undefined,
): Promise<AdminServices> {
  const admin = await admitAdmin(ctx, token, 'services');
  return servicesOf(ctx.db, admin.officeId);
}

/** Adds a service at the end of the office's list; its letter must be free. */
export async function createAdminService(
  ctx: ServiceContext,
  token: string | undefined,
  fields: ServiceFields,
): Promise<AdminService> {
  const admin = await admitAdmin(ctx, token, 'services');
  return inTransaction(ctx, async (trx, outbox) => {
    await ensureLetterFree(trx, admin.officeId, fields.letter, null);
    const id = ctx.ids();
    await insertService(trx, {
      id,
      office_id: admin.officeId,
      ...columnsOf(fields),
      sort_order: await nextServiceOrder(trx, admin.officeId),
      active: 1,
      avg_handle_ms: null,
      version: 1,
    });
    await record(ctx, trx, admin, 'created', id);
    await tellKiosks(trx, outbox, admin.officeId);
    return serviceOf(trx, admin.officeId, id);
  });
}

/** Changes a service, if nobody changed it since the administrator read it. */
export async function updateAdminService(
  ctx: ServiceContext,
  token: string | undefined,
  body: UpdateServiceBody,
): Promise<AdminService> {
  const admin = await admitAdmin(ctx, token, 'services');
  return inTransaction(ctx, async (trx, outbox) => {
    const current = await serviceOf(trx, admin.officeId, body.id);
    if (current.letter !== body.letter) {
      await ensureLetterFree(trx, admin.officeId, body.letter, body.id);
    }
    const changed = await updateServiceAt(
      trx,
      admin.officeId,
      body.id,
      body.version,
      columnsOf(body),
    );
    if (!changed) return refuseStale(trx, admin.officeId, body.id);
    await record(ctx, trx, admin, 'updated', body.id);
    await tellKiosks(trx, outbox, admin.officeId);
    return serviceOf(trx, admin.officeId, body.id);
  });
}

/**
 * Retires a service: it is never deleted, since tickets refer to it. It takes no new tickets
 * from now on, and the ones already waiting are still served.
 */
export async function retireAdminService(
  ctx: ServiceContext,
  token: string | undefined,
  body: RetireServiceBody,
): Promise<AdminService> {
  const admin = await admitAdmin(ctx, token, 'services');
  return inTransaction(ctx, async (trx, outbox) => {
    const changed = await updateServiceAt(trx, admin.officeId, body.id, body.version, {
      active: 0,
    });
    if (!changed) return refuseStale(trx, admin.officeId, body.id);
    await record(ctx, trx, admin, 'retired', body.id);
    await tellKiosks(trx, outbox, admin.officeId);
    return serviceOf(trx, admin.officeId, body.id);
  });
}

/** Puts the office's live services in a new order; the list must name each of them once. */
export async function reorderAdminServices(
  ctx: ServiceContext,
  token: string | undefined,
  body: ReorderServicesBody,
): Promise<AdminServices> {
  const admin = await admitAdmin(ctx, token, 'services');
  return inTransaction(ctx, async (trx, outbox) => {
    const live = (await listAllServices(trx, admin.officeId)).filter((row) => row.active === 1);
    const liveIds = new Set(live.map((row) => row.id));
    if (body.ids.length !== liveIds.size || !body.ids.every((id) => liveIds.has(id))) {
      throw new LoketError('CHANGED_ELSEWHERE', 'the list of live services changed');
    }
    for (const [order, id] of body.ids.entries()) {
      await setServiceOrder(trx, admin.officeId, id, order);
    }
    await audit(ctx, trx, {
      officeId: admin.officeId,
      by: { userId: admin.userId },
      action: 'admin.service.reordered',
      subjectId: null,
      details: { ids: body.ids },
    });
    await tellKiosks(trx, outbox, admin.officeId);
    return servicesOf(trx, admin.officeId);
  });
}
