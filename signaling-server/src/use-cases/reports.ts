import type { Report, ReportRequest } from '@loket/shared';
import type { ServiceContext } from '../context/context.js';
import { officeReport } from '../read-models/reports.js';
import { findOffice } from '../store/repositories/offices.js';
import { dispositionsOf } from './call-record.js';
import { admitUser } from './session.js';

/** A report of the signed-in manager's (or administrator's) own office; refused to agents. */
export async function reportFor(
  ctx: ServiceContext,
  token: string | undefined,
  request: ReportRequest,
): Promise<Report> {
  const actor = await admitUser(ctx, token, ['manager', 'admin']);
  const office = await findOffice(ctx.db, actor.officeId);
  return officeReport(ctx.db, request, {
    officeId: actor.officeId,
    timeZone: office?.time_zone ?? 'Asia/Jakarta',
    serviceLevelTargetMs: ctx.settings.serviceLevel.targetMs,
    dispositions: dispositionsOf(office),
  });
}
