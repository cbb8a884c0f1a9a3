import { toCsv, type AuditEntryView } from '@loket/shared';
import type { TFunction } from 'i18next';
import type { UiLanguage } from '../i18n';

/** Who made an entry, in words: their name, or what kind of actor it was. */
export function actorText(entry: AuditEntryView, t: TFunction): string {
  return entry.actorName ?? t(`audit.actorType.${entry.actorType}`);
}

/** An entry's details as one line of `key: value` pairs. */
export function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');
}

/**
 * The entries as CSV for a spreadsheet in Indonesian locale (see `toCsv`): the time as ISO 8601
 * (sortable, unambiguous), who, what, which record and the details; text that a spreadsheet could
 * run as a formula is made inert by `toCsv`.
 */
export function auditCsv(entries: readonly AuditEntryView[], t: TFunction): string {
  return toCsv([
    [t('audit.at'), t('audit.by'), t('audit.action'), t('audit.subjectId'), t('audit.details')],
    ...entries.map((entry) => [
      new Date(entry.at).toISOString(),
      actorText(entry, t),
      entry.action,
      entry.subjectId,
      detailsText(entry.details),
    ]),
  ]);
}

/** When an entry was made, to the second, with its year: the log spans up to a year. */
export function entryTime(entry: AuditEntryView, language: UiLanguage): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', {
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(entry.at);
}
