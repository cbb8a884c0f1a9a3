import { AUDIT_PAGE, type AuditLog, type AuditQuery } from '@loket/shared';
import type { z } from 'zod';
import { dayNumber, dayOfNumber, dayStart } from '../core/report-periods.js';
import type { ServiceContext } from '../context/context.js';
import { listAudit } from '../store/repositories/audit.js';
import { findOffice } from '../store/repositories/offices.js';
import { admitUser } from './session.js';

/**
 * A manager's or administrator's reading of their office's audit log: the days asked for in the
 * office's time zone, filtered by whose doing and which change, newest first. One more entry than
 * an answer carries is read, to say whether there are more.
 */
export async function readAuditLog(
  ctx: ServiceContext,
  token: string | undefined,
  query: z.output<typeof AuditQuery>,
): Promise<AuditLog> {
  const actor = await admitUser(ctx, token, ['manager', 'admin']);
  const office = await findOffice(ctx.db, actor.officeId);
  const timeZone = office?.time_zone ?? 'Asia/Jakarta';
  const rows = await listAudit(ctx.db, {
    officeId: actor.officeId,
    from: dayStart(query.from, timeZone),
    to: dayStart(dayOfNumber(dayNumber(query.to) + 1), timeZone),
    actorType: query.actorType,
    action: query.action,
    who: query.who,
    limit: AUDIT_PAGE + 1,
  });
  return {
    entries: rows.slice(0, AUDIT_PAGE).map((row) => ({
      id: row.id,
      at: Number(row.at),
      actorType: row.actor_type,
      actorName: row.actor_name,
      action: row.action,
      subjectId: row.subject_id,
      details: JSON.parse(row.details) as Record<string, unknown>,
    })),
    truncated: rows.length > AUDIT_PAGE,
  };
}
