import type { ComplaintList, ComplaintView, ForwardComplaint } from '@loket/shared';
import { audit, type AuditedBy } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { inTransaction } from '../context/transaction.js';
import { ChannelRefused, ChannelUnavailable } from '../complaints/channel.js';
import { complaintDeadlines, localDay, workingDaysLeft } from '../core/complaint-deadlines.js';
import { hoursOf } from '../queue/availability.js';
import type { Db } from '../store/database.js';
import {
  findComplaint,
  listDueRetries,
  listForwarded,
  listOpenComplaints,
  recordComplaint,
  updateComplaint,
  type ComplaintListing,
} from '../store/repositories/complaints.js';
import { findOffice, findServiceEver } from '../store/repositories/offices.js';
import { findTicket } from '../store/repositories/tickets.js';
import type { ComplaintRow, OfficeRow } from '../store/schema.js';
import { admitUser } from './session.js';

/** The first retry waits a minute, each next one twice as long, never more than an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

function holidaysOf(office: OfficeRow | undefined): Set<string> {
  return new Set(office ? (hoursOf(office)?.holidays ?? []) : []);
}

/** Records a visitor's complaint of a visit, to wait for a manager to forward it. */
export async function noteComplaint(
  ctx: ServiceContext,
  trx: Db,
  complaint: { officeId: string; ticketId: string; source: ComplaintRow['source']; text: string },
): Promise<void> {
  await recordComplaint(trx, {
    id: ctx.ids(),
    office_id: complaint.officeId,
    ticket_id: complaint.ticketId,
    source: complaint.source,
    text: complaint.text,
    text_erased_at: null,
    created_at: ctx.clock(),
    status: 'waiting',
    forwarded_by: null,
    tracking_id: null,
    forwarded_at: null,
    verification_due: null,
    follow_up_due: null,
    completion_due: null,
    attempts: 0,
    next_attempt_at: null,
    rejection: null,
  });
}

function viewOf(row: ComplaintListing, today: string, holidays: Set<string>): ComplaintView {
  const stage = (due: string) => ({ due, workingDaysLeft: workingDaysLeft(today, due, holidays) });
  return {
    id: row.id,
    source: row.source,
    ticketNumber: row.ticket_number,
    text: row.text,
    createdAt: Number(row.created_at),
    status: row.status,
    trackingId: row.tracking_id,
    forwardedAt: row.forwarded_at === null ? null : Number(row.forwarded_at),
    forwardedBy: row.forwarded_by_name,
    rejection: row.rejection,
    deadlines:
      row.verification_due && row.follow_up_due && row.completion_due
        ? {
            verification: stage(row.verification_due),
            followUp: stage(row.follow_up_due),
            completion: stage(row.completion_due),
          }
        : null,
  };
}

async function viewsOf(ctx: ServiceContext, officeId: string): Promise<ComplaintView[]> {
  const office = await findOffice(ctx.db, officeId);
  const today = localDay(ctx.clock(), office?.time_zone ?? 'Asia/Jakarta');
  const holidays = holidaysOf(office);
  return (await listOpenComplaints(ctx.db, officeId)).map((row) => viewOf(row, today, holidays));
}

/** The open complaints of the signed-in manager's (or administrator's) office. */
export async function listComplaints(
  ctx: ServiceContext,
  token: string | undefined,
): Promise<ComplaintList> {
  const actor = await admitUser(ctx, token, ['manager', 'admin']);
  return {
    forwardingEnabled: ctx.complaints !== null,
    complaints: await viewsOf(ctx, actor.officeId),
  };
}

/**
 * Sends one complaint to LAPOR! and records the outcome, audited as `by`'s: its tracking id and
 * deadlines; a later retry when LAPOR! could not be reached; LAPOR!'s reason when it refused.
 * The request runs outside any transaction: a slow LAPOR! holds no lock.
 */
async function send(ctx: ServiceContext, complaint: ComplaintRow, by: AuditedBy): Promise<void> {
  const channel = ctx.complaints;
  if (!channel)
    throw new LoketError('INVALID_STATE', 'forwarding to SP4N-LAPOR! is not configured');
  if (complaint.text === null) {
    throw new LoketError('GONE', 'the complaint’s words were erased after their retention');
  }
  const office = await findOffice(ctx.db, complaint.office_id);
  const ticket = await findTicket(ctx.db, complaint.ticket_id);
  const service = ticket ? await findServiceEver(ctx.db, ticket.service_id) : undefined;
  const attempts = complaint.attempts + 1;
  const forwardedBy = by === 'system' ? complaint.forwarded_by : 'userId' in by ? by.userId : null;
  let outcome: Partial<ComplaintRow>;
  let action: string;
  let details: Record<string, unknown>;
  try {
    const { trackingId } = await channel.forward({
      id: complaint.id,
      text: complaint.text,
      writtenAt: Number(complaint.created_at),
      officeName: office?.name_id ?? '',
      serviceName: service?.name_id ?? '',
    });
    const now = ctx.clock();
    const today = localDay(now, office?.time_zone ?? 'Asia/Jakarta');
    const deadlines = complaintDeadlines(today, today, holidaysOf(office));
    outcome = {
      status: 'forwarded',
      tracking_id: trackingId,
      forwarded_at: now,
      verification_due: deadlines.verification.due,
      follow_up_due: deadlines.followUp.due,
      completion_due: deadlines.completion.due,
      next_attempt_at: null,
      rejection: null,
    };
    action = 'complaint.forwarded';
    details = { trackingId, attempts };
  } catch (error) {
    if (error instanceof ChannelUnavailable) {
      outcome = { status: 'retrying', next_attempt_at: ctx.clock() + retryDelayMs(attempts) };
      action = 'complaint.forward_deferred';
      ctx.log.warn({ complaintId: complaint.id, attempts, err: error }, 'LAPOR! unavailable');
    } else if (error instanceof ChannelRefused) {
      outcome = { status: 'rejected', next_attempt_at: null, rejection: error.message };
      action = 'complaint.forward_refused';
    } else {
      throw error;
    }
    details = { attempts, reason: error.message };
  }
  await inTransaction(ctx, async (trx) => {
    await updateComplaint(trx, complaint.id, { ...outcome, attempts, forwarded_by: forwardedBy });
    await audit(ctx, trx, {
      officeId: complaint.office_id,
      by,
      action,
      subjectId: complaint.id,
      details,
    });
  });
}

/**
 * A manager forwards a complaint of their office to SP4N-LAPOR!; answers it as it now stands. One
 * LAPOR! already holds is refused.
 */
export async function forwardComplaint(
  ctx: ServiceContext,
  token: string | undefined,
  { complaintId }: ForwardComplaint,
): Promise<ComplaintView> {
  const actor = await admitUser(ctx, token, ['manager', 'admin']);
  const complaint = await findComplaint(ctx.db, actor.officeId, complaintId);
  if (!complaint) throw new LoketError('NOT_FOUND', 'no such complaint here');
  if (complaint.status === 'forwarded' || complaint.status === 'closed') {
    throw new LoketError('INVALID_STATE', 'this complaint is in SP4N-LAPOR! already');
  }
  await send(ctx, complaint, actor.kind === 'user' ? { userId: actor.userId } : 'system');
  const view = (await viewsOf(ctx, actor.officeId)).find((c) => c.id === complaintId);
  if (!view) throw new LoketError('NOT_FOUND', 'no such complaint here');
  return view;
}

/**
 * Sends again every complaint whose retry is due, and asks LAPOR! how the forwarded ones stand,
 * closing those it closed. Answers how many were forwarded and closed.
 */
export async function followUpComplaints(
  ctx: ServiceContext,
): Promise<{ forwarded: number; closed: number }> {
  const result = { forwarded: 0, closed: 0 };
  const channel = ctx.complaints;
  if (!channel) return result;
  for (const complaint of await listDueRetries(ctx.db, ctx.clock())) {
    await send(ctx, complaint, 'system');
    const now = await findComplaint(ctx.db, complaint.office_id, complaint.id);
    if (now?.status === 'forwarded') result.forwarded += 1;
  }
  for (const complaint of await listForwarded(ctx.db)) {
    if (!complaint.tracking_id) continue;
    try {
      if (!(await channel.status(complaint.tracking_id)).closed) continue;
    } catch (error) {
      ctx.log.warn({ complaintId: complaint.id, err: error }, 'LAPOR! status unavailable');
      continue;
    }
    await inTransaction(ctx, async (trx) => {
      await updateComplaint(trx, complaint.id, { status: 'closed' });
      await audit(ctx, trx, {
        officeId: complaint.office_id,
        by: 'system',
        action: 'complaint.closed',
        subjectId: complaint.id,
        details: { trackingId: complaint.tracking_id },
      });
    });
    result.closed += 1;
  }
  return result;
}
