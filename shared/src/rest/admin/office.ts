import { z } from 'zod';
import { Id } from '../../domain/ids.js';
import { Channel } from '../../domain/office.js';
import { Retention } from '../../domain/retention.js';
import { RecordVersion } from './version.js';

/** Whether the runtime knows `zone` as an IANA time zone. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

/** An IANA time zone, e.g. `Asia/Jakarta`; the message is the key the console translates. */
export const TimeZone = z.string().min(1).max(64).refine(isTimeZone, { message: 'timeZone' });

const OfficeName = z.object({
  id: z.string().trim().min(1, { message: 'required' }).max(120),
  en: z.string().trim().min(1, { message: 'required' }).max(120),
});

/** What an administrator sets about their office. */
export const OfficeSettings = z.object({
  name: OfficeName,
  timeZone: TimeZone,
  /** How long personal data is kept; the consent screen states it. */
  retention: Retention,
  /** The other ways to reach the office, shown as QR codes when nobody can serve. */
  channels: z.array(Channel).max(20),
});
/** What an administrator sets about their office. */
export type OfficeSettings = z.infer<typeof OfficeSettings>;

/** The office as the administration screen shows it. */
export const AdminOffice = OfficeSettings.extend({ id: Id, version: RecordVersion });
/** The office as the administration screen shows it. */
export type AdminOffice = z.infer<typeof AdminOffice>;

/** A change to the office, with the version the administrator saw. */
export const UpdateOfficeBody = OfficeSettings.extend({ version: RecordVersion });
/** A change to the office. */
export type UpdateOfficeBody = z.infer<typeof UpdateOfficeBody>;
