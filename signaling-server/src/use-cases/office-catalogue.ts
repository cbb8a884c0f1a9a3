import type { OfficeCatalogue, OfficeView } from '@loket/shared';
import { retentionOf } from '../core/retention.js';
import { channelsOf, surveyElementsOf } from '../queue/availability.js';
import type { Db } from '../store/database.js';
import { findOffice, listServices, readCatalogueVersion } from '../store/repositories/offices.js';
import { sharedRead } from '../store/shared-read.js';
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

/** A catalogue as it was read, and the store's catalogue version it was read at (or after). */
interface KeptCatalogue {
  version: number;
  catalogue: OfficeCatalogue;
}

const kept = new WeakMap<Db, Map<string, KeptCatalogue>>();

/** Reads a catalogue, sharing only a read started by someone who saw the same `version`. */
function readCatalogue(db: Db, officeId: string, version: number) {
  return sharedRead(db, `catalogue ${officeId} ${version}`, async () => {
    const [office, services] = await Promise.all([
      findOffice(db, officeId),
      listServices(db, officeId),
    ]);
    const catalogue: OfficeCatalogue | null = office
      ? { office: officeView(office), services: services.map(serviceView) }
      : null;
    return catalogue;
  });
}

/**
 * The office and its live services, as its kiosks show them. Every kiosk of an office asks for the
 * same catalogue on every (re)connect, and administrators change it rarely: it is kept in memory
 * and read again only once the store's catalogue version has moved, so a change made through
 * another instance, or by hand, is seen at the next request. Callers must not change it.
 */
export async function officeCatalogue(
  db: Db,
  officeId: string,
  /** The version, when the caller has just read it along with something else. */
  current?: number,
): Promise<OfficeCatalogue | null> {
  // Read before the catalogue: what is kept is then never older than the version it is kept at.
  // After a restart every kiosk asks at once, and one read answers all that ask while it runs.
  const version =
    current ?? (await sharedRead(db, 'catalogue version', () => readCatalogueVersion(db)));
  let offices = kept.get(db);
  if (!offices) {
    offices = new Map();
    kept.set(db, offices);
  }
  const known = offices.get(officeId);
  if (known?.version === version) return known.catalogue;
  const catalogue = await readCatalogue(db, officeId, version);
  if (catalogue) offices.set(officeId, { version, catalogue });
  else offices.delete(officeId);
  return catalogue;
}

/** The office's logo as its kiosks load it, if it has one; anyone may read it. */
export function officeLogo(db: Db, officeId: string): Promise<OfficeLogoRow | undefined> {
  return findOfficeLogo(db, officeId);
}
