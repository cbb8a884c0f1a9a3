import { z } from 'zod';
import { Id } from '../../domain/ids.js';
import { BrandColor, ConsentText } from '../../domain/brand.js';
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
  /** The kiosk's attract screen colour; null: Loket's own. */
  brandColor: BrandColor.nullable(),
  /** The consent screen's words on the office's handling of data; empty: the kiosk's own. */
  consentText: ConsentText,
});
/** What an administrator sets about their office. */
export type OfficeSettings = z.infer<typeof OfficeSettings>;

/** The office as the administration screen shows it. */
export const AdminOffice = OfficeSettings.extend({
  id: Id,
  version: RecordVersion,
  /** Where the kiosks read the logo; null: none. */
  logoUrl: z.string().nullable(),
});
/** The office as the administration screen shows it. */
export type AdminOffice = z.infer<typeof AdminOffice>;

/** A change to the office, with the version the administrator saw. */
export const UpdateOfficeBody = OfficeSettings.extend({ version: RecordVersion });
/** A change to the office. */
export type UpdateOfficeBody = z.infer<typeof UpdateOfficeBody>;

/**
 * A new logo as base64 (PNG, JPEG or WebP, at most `LOGO_MAX_BYTES`), or null to remove it, with
 * the version the administrator saw. The size and type are checked on the decoded bytes: a larger
 * one is refused TOO_LARGE, anything else NOT_AN_IMAGE.
 */
export const SetLogoBody = z.object({
  version: RecordVersion,
  image: z.string().max(1_500_000).nullable(),
});
/** A new logo, or none. */
export type SetLogoBody = z.infer<typeof SetLogoBody>;
