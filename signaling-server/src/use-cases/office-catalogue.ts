import type { OfficeCatalogue, OfficeView } from '@loket/shared';
import { retentionOf } from '../core/retention.js';
import { channelsOf, surveyElementsOf } from '../queue/availability.js';
import type { Db } from '../store/database.js';
import { findOffice, listServices } from '../store/repositories/offices.js';
import { findOfficeLogo } from '../store/repositories/office-logos.js';
import type { OfficeLogoRow, OfficeRow } from '../store/schema.js';
import { serviceView } from '../read-models/views.js';

/** The office as its kiosks show it. */
export function officeView(office: OfficeRow): OfficeView {
  return {
    id: office.id,
    name: { id: office.name_id, en: office.name_en },
    channels: channelsOf(office),
    surveyElements: surveyElementsOf(office),
    retention: retentionOf(office),
    brand: { color: office.brand_color, logoUrl: logoUrlOf(office) },
    consentText: { id: office.consent_text_id ?? '', en: office.consent_text_en ?? '' },
  };
}

/** Where the office's logo is read; the hash in it changes with the logo, so caches never lie. */
export function logoUrlOf(office: OfficeRow): string | null {
  return office.logo_hash ? `/api/offices/${office.id}/logo?v=${office.logo_hash}` : null;
}

/** The office and its live services, as its kiosks show them. */
export async function officeCatalogue(db: Db, officeId: string): Promise<OfficeCatalogue | null> {
  const office = await findOffice(db, officeId);
  if (!office) return null;
  return {
    office: officeView(office),
    services: (await listServices(db, officeId)).map(serviceView),
  };
}

/** The office's logo as its kiosks load it, if it has one; anyone may read it. */
export function officeLogo(db: Db, officeId: string): Promise<OfficeLogoRow | undefined> {
  return findOfficeLogo(db, officeId);
}
