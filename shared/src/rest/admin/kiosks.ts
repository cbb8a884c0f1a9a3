import { z } from 'zod';
import { EpochMs, Id } from '../../domain/ids.js';
import { RecordVersion } from './version.js';

/** A kiosk's name, as staff tell kiosks apart. */
export const KioskName = z
  .string()
  .trim()
  .min(1, 'kiosk_name_missing')
  .max(60, 'kiosk_name_too_long');

/** An enrolled kiosk as the administration screen lists it. */
export const AdminKiosk = z.object({
  id: Id,
  name: z.string(),
  online: z.boolean(),
  inUse: z.boolean(),
  lastSeenAt: EpochMs.nullable(),
  /** When it was revoked; a revoked kiosk is shut out and cannot connect again. */
  revokedAt: EpochMs.nullable(),
  createdAt: EpochMs,
  version: RecordVersion,
});
/** An enrolled kiosk. */
export type AdminKiosk = z.infer<typeof AdminKiosk>;

/** The kiosk list is asked for with an empty body. */
export const KiosksQuery = z.object({});

/** `POST /api/admin/kiosks` answer. */
export const KioskList = z.object({ kiosks: z.array(AdminKiosk) });
/** The office's kiosks. */
export type KioskList = z.infer<typeof KioskList>;

/** Enrols a new kiosk by name. */
export const EnrolKioskBody = z.object({ name: KioskName });
/** Enrols a new kiosk. */
export type EnrolKioskBody = z.input<typeof EnrolKioskBody>;

/** A fresh one-time pairing code for a kiosk that has not paired (or is paired anew). */
export const NewPairingBody = z.object({ id: Id, version: RecordVersion });
/** Asks a fresh pairing code. */
export type NewPairingBody = z.input<typeof NewPairingBody>;

/** A kiosk and the one-time code that pairs it, with until when it works. */
export const KioskPairingAnswer = z.object({
  kiosk: AdminKiosk,
  code: z.string().length(8),
  expiresAt: EpochMs,
});
/** A kiosk and its one-time pairing code. */
export type KioskPairingAnswer = z.infer<typeof KioskPairingAnswer>;

/** Renames a kiosk, from the version the administrator saw. */
export const RenameKioskBody = z.object({ id: Id, version: RecordVersion, name: KioskName });
/** Renames a kiosk. */
export type RenameKioskBody = z.input<typeof RenameKioskBody>;

/** Revokes a kiosk, from the version the administrator saw. */
export const RevokeKioskBody = z.object({ id: Id, version: RecordVersion });
/** Revokes a kiosk. */
export type RevokeKioskBody = z.input<typeof RevokeKioskBody>;

/** The changed kiosk. */
export const KioskAnswer = z.object({ kiosk: AdminKiosk });
/** The changed kiosk. */
export type KioskAnswer = z.infer<typeof KioskAnswer>;
