import type { OfficeCatalogue, OfficeView } from '@loket/shared';
import { retentionOf } from '../core/retention.js';
import { channelsOf, surveyElementsOf } from '../queue/availability.js';
import type { Db } from '../store/database.js';
import { findOffice, listServices } from '../store/repositories/offices.js';
import type { OfficeRow } from '../store/schema.js';
import { serviceView } from '../read-models/views.js';

/** The office as its kiosks show it. */
export function officeView(office: OfficeRow): OfficeView {
  return {
    id: office.id,
    name: { id: office.name_id, en: office.name_en },
    channels: channelsOf(office),
    surveyElements: surveyElementsOf(office),
    retention: retentionOf(office),
  };
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
