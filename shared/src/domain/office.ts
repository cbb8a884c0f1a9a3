import { z } from 'zod';
import { ConsentText, HexColor } from './brand.js';
import { Retention } from './retention.js';
import { Id } from './ids.js';
import { LocalizedText } from './language.js';
import { SkmElement } from './survey.js';

/** A service the office offers at its kiosks (e.g. PPID, complaints, job placement). */
export const ServiceView = z.object({
  id: Id,
  /** Letter that prefixes its ticket numbers, e.g. `B` in `B-014`. */
  letter: z.string().regex(/^[A-Z]$/),
  name: LocalizedText,
  description: LocalizedText,
  /** Name of the pictogram shown on its tile. */
  icon: z.string().min(1).max(32),
  /** What to have ready, shown to the visitor while they wait. */
  requirements: z.array(LocalizedText).max(20),
});
/** A service as kiosks and consoles show it. */
export type ServiceView = z.infer<typeof ServiceView>;

/** Another way to reach the office (shown as a QR code when the kiosk cannot serve). */
export const Channel = z.object({
  /** `phone` is the call center; `service_center` a desk visitors can go to. */
  kind: z.enum(['web', 'whatsapp', 'email', 'phone', 'instagram', 'app', 'service_center']),
  label: LocalizedText,
  /** What a person reads, e.g. `0811-9521-150`. */
  value: z.string().min(1).max(200),
  /** What the QR code holds, e.g. `https://wa.me/628119521150`. */
  url: z.string().min(1).max(500),
});
/** Another way to reach the office. */
export type Channel = z.infer<typeof Channel>;

/** The office a kiosk stands in. */
export const OfficeView = z.object({
  id: Id,
  name: LocalizedText,
  channels: z.array(Channel),
  /** The SKM elements the office asks in the survey's short form after a visit. */
  surveyElements: z.array(SkmElement),
  /** How long the office keeps personal data, as the consent screens say. */
  retention: Retention,
  /**
   * The attract screen's colour (its contrast checked when it was set) and logo (a URL that
   * changes with the logo); null: Loket's own.
   */
  brand: z.object({ color: HexColor.nullable(), logoUrl: z.string().nullable() }),
  /** What the consent screen says about the office's handling of data, in place of its own. */
  consentText: ConsentText,
});
/** The office a kiosk stands in. */
export type OfficeView = z.infer<typeof OfficeView>;
