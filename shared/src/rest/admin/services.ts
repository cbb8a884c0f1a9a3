import { z } from 'zod';
import { Id } from '../../domain/ids.js';
import { Skill } from '../../domain/skills.js';
import { RecordVersion } from './version.js';

/** The pictograms the kiosk draws for a service's tile. */
export const ServiceIconName = z.enum([
  'info',
  'complaint',
  'job',
  'training',
  'globe',
  'people',
  'safety',
]);
/** One of the kiosk's service pictograms. */
export type ServiceIconName = z.infer<typeof ServiceIconName>;

const Text = (max: number) => z.string().trim().min(1, { message: 'required' }).max(max);
const Bilingual = (max: number) => z.object({ id: Text(max), en: Text(max) });

/** What an administrator sets about a service. */
export const ServiceFields = z.object({
  /** Prefix of its ticket numbers, unique in the office (a retired service keeps its own). */
  letter: z.string().regex(/^[A-Z]$/, { message: 'letter' }),
  name: Bilingual(80),
  description: Bilingual(200),
  icon: ServiceIconName,
  /** What to bring or have done, shown while waiting and in the summary. */
  requirements: z.array(Bilingual(200)).max(20),
  /** Skills beyond the service itself that an officer needs for its tickets (e.g. `bisindo`). */
  skills: z.array(Skill).max(10),
});
/** What an administrator sets about a service. */
export type ServiceFields = z.infer<typeof ServiceFields>;

/** A service as the administration screen shows it, retired ones included. */
export const AdminService = ServiceFields.extend({
  id: Id,
  /** False once retired: it takes no new tickets, and the ones waiting are still served. */
  active: z.boolean(),
  version: RecordVersion,
  /** Its tickets waiting now. */
  waiting: z.number().int().nonnegative(),
});
/** A service as the administration screen shows it. */
export type AdminService = z.infer<typeof AdminService>;

/** An office's services, live ones in display order first. */
export const AdminServices = z.object({ services: z.array(AdminService) });
/** An office's services. */
export type AdminServices = z.infer<typeof AdminServices>;

/** A change to a service, with the version the administrator saw. */
export const UpdateServiceBody = ServiceFields.extend({ id: Id, version: RecordVersion });
/** A change to a service. */
export type UpdateServiceBody = z.infer<typeof UpdateServiceBody>;

/** A service to retire, with the version the administrator saw. */
export const RetireServiceBody = z.object({ id: Id, version: RecordVersion });
/** A service to retire. */
export type RetireServiceBody = z.infer<typeof RetireServiceBody>;

/** The live services in their new display order, every one once. */
export const ReorderServicesBody = z.object({
  ids: z
    .array(Id)
    .min(1)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'duplicate' }),
});
/** The live services in their new display order. */
export type ReorderServicesBody = z.infer<typeof ReorderServicesBody>;
