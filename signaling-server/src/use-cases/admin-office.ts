import { createHash } from 'node:crypto';
import {
  LOGO_MAX_BYTES,
  logoTypeOf,
  type AdminOffice,
  type SetLogoBody,
  type UpdateOfficeBody,
} from '@loket/shared';
import { retentionOf } from '../core/retention.js';
import { audit } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { inTransaction } from '../context/transaction.js';
import type { Outbox } from '../context/outbox.js';
import { channelsOf } from '../queue/availability.js';
import { logoUrlOf, officeCatalogue } from './office-catalogue.js';
import type { Db } from '../store/database.js';
import { findOffice } from '../store/repositories/offices.js';
import { updateOfficeAt } from '../store/repositories/office-admin.js';
import { dropOfficeLogo, putOfficeLogo } from '../store/repositories/office-logos.js';
import type { OfficeRow } from '../store/schema.js';
import { admitAdmin } from './admin-guard.js';

function adminOfficeView(office: OfficeRow): AdminOffice {
  return {
    id: office.id,
    version: office.version,
    name: { id: office.name_id, en: office.name_en },
    timeZone: office.time_zone,
    retention: retentionOf(office),
    channels: channelsOf(office),
    brandColor: office.brand_color,
    consentText: { id: office.consent_text_id ?? '', en: office.consent_text_en ?? '' },
    logoUrl: logoUrlOf(office),
  };
}

/** The office, read again after a change, for the answer. */
export async function officeOf(db: Db, officeId: string): Promise<OfficeRow> {
  const office = await findOffice(db, officeId);
  if (!office) throw new LoketError('NOT_FOUND', 'the office is gone');
  return office;
}

/** Tells the office's kiosks what they now show, once the change is committed. */
export async function tellKiosks(db: Db, outbox: Outbox, officeId: string): Promise<void> {
  const catalogue = await officeCatalogue(db, officeId);
  if (catalogue) outbox.add((n) => n.officeChanged(officeId, catalogue));
}

/** The administrator's office as the administration screen shows it. */
export async function readAdminOffice(
  ctx: ServiceContext,
  token: string | undefined,
): Promise<AdminOffice> {
  const admin = await admitAdmin(ctx, token, 'office');
  return adminOfficeView(await officeOf(ctx.db, admin.officeId));
}

/** Changes the office, if nobody changed it since the administrator read it. */
export async function updateAdminOffice(
  ctx: ServiceContext,
  token: string | undefined,
  body: UpdateOfficeBody,
): Promise<AdminOffice> {
  const admin = await admitAdmin(ctx, token, 'office');
  return inTransaction(ctx, async (trx, outbox) => {
    const changed = await updateOfficeAt(trx, admin.officeId, body.version, {
      name_id: body.name.id,
      name_en: body.name.en,
      time_zone: body.timeZone,
      callback_retention_days: body.retention.callbackDays,
      comment_retention_days: body.retention.commentDays,
      summary_retention_days: body.retention.summaryDays,
      channels: JSON.stringify(body.channels),
      brand_color: body.brandColor,
      consent_text_id: body.consentText.id,
      consent_text_en: body.consentText.en,
    });
    if (!changed) throw new LoketError('CHANGED_ELSEWHERE', 'the office changed since it was read');
    await audit(ctx, trx, {
      officeId: admin.officeId,
      by: { userId: admin.userId },
      action: 'admin.office.updated',
      subjectId: admin.officeId,
    });
    await tellKiosks(trx, outbox, admin.officeId);
    return adminOfficeView(await officeOf(trx, admin.officeId));
  });
}

/** A logo's bytes once they are known to be an image the kiosk may show, or the refusal. */
function logoOf(image: string): { type: string; hash: string; bytes: Buffer } {
  const bytes = Buffer.from(image, 'base64');
  if (bytes.length > LOGO_MAX_BYTES) throw new LoketError('TOO_LARGE', 'the logo is too large');
  const type = logoTypeOf(bytes);
  if (!type) throw new LoketError('NOT_AN_IMAGE', 'the logo is not a PNG, JPEG or WebP image');
  return { type, hash: createHash('sha256').update(bytes).digest('hex').slice(0, 16), bytes };
}

/**
 * Gives the office a new logo, or takes it away, if nobody changed the office since the
 * administrator read it; the image is checked before anything is written.
 */
export async function setAdminOfficeLogo(
  ctx: ServiceContext,
  token: string | undefined,
  body: SetLogoBody,
): Promise<AdminOffice> {
  const admin = await admitAdmin(ctx, token, 'office');
  const logo = body.image === null ? null : logoOf(body.image);
  return inTransaction(ctx, async (trx, outbox) => {
    const changed = await updateOfficeAt(trx, admin.officeId, body.version, {
      logo_hash: logo?.hash ?? null,
    });
    if (!changed) throw new LoketError('CHANGED_ELSEWHERE', 'the office changed since it was read');
    if (logo) {
      await putOfficeLogo(trx, {
        office_id: admin.officeId,
        type: logo.type,
        hash: logo.hash,
        image: logo.bytes.toString('base64'),
      });
    } else {
      await dropOfficeLogo(trx, admin.officeId);
    }
    await audit(ctx, trx, {
      officeId: admin.officeId,
      by: { userId: admin.userId },
      action: logo ? 'admin.office.logo.set' : 'admin.office.logo.removed',
      subjectId: admin.officeId,
    });
    await tellKiosks(trx, outbox, admin.officeId);
    return adminOfficeView(await officeOf(trx, admin.officeId));
  });
}
