import type { AdminHours, HoursSettings, UpdateHoursBody } from '@loket/shared';
import { hoursPreview } from '../core/hours-preview.js';
import { localDate, type ServiceHours } from '../core/service-hours.js';
import { audit } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { inTransaction } from '../context/transaction.js';
import { hoursOf } from '../queue/availability.js';
import { updateHoursAt } from '../store/repositories/office-admin.js';
import type { OfficeRow } from '../store/schema.js';
import { admitAdmin } from './admin-guard.js';
import { officeOf } from './admin-office.js';

// An office without a stored schedule serves around the clock; the screen shows it so.
const AROUND_THE_CLOCK = Array.from({ length: 7 }, () => [{ open: '00:00', close: '24:00' }]);

function adminHoursView(office: OfficeRow, now: number): AdminHours {
  const stored = hoursOf(office);
  const hours: ServiceHours = {
    weekly: stored?.weekly ?? AROUND_THE_CLOCK,
    holidays: stored?.holidays ?? [],
    closures: stored?.closures ?? [],
    // The office's own zone wins over the one stored with an older schedule.
    timeZone: office.time_zone,
  };
  return {
    weekly: hours.weekly,
    holidays: hours.holidays,
    closures: hours.closures ?? [],
    timeZone: office.time_zone,
    version: office.hours_version,
    preview: hoursPreview(hours, now),
  };
}

/** Refuses a holiday or a closure on a date already past in the office's time zone. */
function refusePastDates(settings: HoursSettings, today: string): void {
  const dates = [...settings.holidays, ...settings.closures.map((closure) => closure.date)];
  const past = dates.find((date) => date < today);
  if (past) throw new LoketError('PAST_DATE', `${past} has already passed`);
}

/** The office's hours, with how it stands now. */
export async function readAdminHours(
  ctx: ServiceContext,
  token: string | undefined,
): Promise<AdminHours> {
  const admin = await admitAdmin(ctx, token, 'hours');
  return adminHoursView(await officeOf(ctx.db, admin.officeId), ctx.clock());
}

/**
 * Changes the office's hours, if nobody changed them since the administrator read them; kiosks
 * and the queue read them for every decision, so they apply at once.
 */
export async function updateAdminHours(
  ctx: ServiceContext,
  token: string | undefined,
  body: UpdateHoursBody,
): Promise<AdminHours> {
  const admin = await admitAdmin(ctx, token, 'hours');
  return inTransaction(ctx, async (trx) => {
    const office = await officeOf(trx, admin.officeId);
    refusePastDates(body, localDate(ctx.clock(), office.time_zone));
    const hours: ServiceHours = {
      timeZone: office.time_zone,
      weekly: body.weekly,
      holidays: [...body.holidays].sort(),
      closures: body.closures,
    };
    if (!(await updateHoursAt(trx, admin.officeId, body.version, JSON.stringify(hours)))) {
      throw new LoketError('CHANGED_ELSEWHERE', 'the hours changed since they were read');
    }
    await audit(ctx, trx, {
      officeId: admin.officeId,
      by: { userId: admin.userId },
      action: 'admin.hours.updated',
      subjectId: admin.officeId,
    });
    return adminHoursView(await officeOf(trx, admin.officeId), ctx.clock());
  });
}
