import {
  NEED_IDS,
  NO_OUTCOME,
  SKM_ELEMENTS,
  toCsv,
  type CsvCell,
  type Report,
  type ReportFigures,
} from '@loket/shared';
import type { TFunction } from 'i18next';
import type { UiLanguage } from '../i18n';
import type id from '../i18n/locales/id.json';

/** A column of the report, as the locales name it. */
export type ReportColumn = keyof typeof id.reports.columns;

/** One line of a report as the screen and the export show it: a row, or the range's total. */
export interface ReportLine {
  key: string;
  /** What the screen calls the line (a written-out date, a name, a need). */
  label: string;
  /** What the export calls it: a period as YYYY-MM-DD (or YYYY-MM), else the label. */
  exportLabel: string;
  figures: ReportFigures;
  total: boolean;
}

const dates = new Map<string, Intl.DateTimeFormat>();

/** A calendar day or month (YYYY-MM-DD, YYYY-MM) written out as the UI language does. */
function writtenDate(key: string, language: UiLanguage, month: boolean): string {
  const id = `${language}-${month}`;
  let format = dates.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', {
      timeZone: 'UTC',
      ...(month
        ? { month: 'long', year: 'numeric' }
        : { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }),
    });
    dates.set(id, format);
  }
  return format.format(Date.parse(`${month ? `${key}-01` : key}T00:00:00Z`));
}

const isNeed = (key: string) => (NEED_IDS as readonly string[]).includes(key);

/** The report's rows and its total, labelled for the screen and the export. */
export function reportLines(report: Report, t: TFunction, language: UiLanguage): ReportLine[] {
  const period = ['day', 'week', 'month'].includes(report.groupBy);
  const label = (row: Report['rows'][number]): string => {
    switch (report.groupBy) {
      case 'day':
        return writtenDate(row.key, language, false);
      case 'week':
        return t('reports.weekOf', { date: writtenDate(row.key, language, false) });
      case 'month':
        return writtenDate(row.key, language, true);
      case 'need':
        return isNeed(row.key)
          ? t(`needs.${row.key as (typeof NEED_IDS)[number]}.label`)
          : t(`reports.needs.${row.key as 'priority' | 'none'}`);
      case 'outcome':
        return row.key === NO_OUTCOME ? t('reports.noOutcome') : (row.name?.[language] ?? row.key);
      default:
        return row.name?.[language] ?? row.key;
    }
  };
  const total = t('reports.total');
  return [
    ...report.rows.map((row) => {
      const text = label(row);
      return {
        key: row.key,
        label: text,
        exportLabel: period ? row.key : text,
        figures: row.figures,
        total: false,
      };
    }),
    { key: 'total', label: total, exportLabel: total, figures: report.total, total: true },
  ];
}

const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 1000));
const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
const twoDecimals = (value: number | null | undefined) =>
  value === null || value === undefined ? null : Math.round(value * 100) / 100;

/**
 * The report as CSV for a spreadsheet in Indonesian locale (see `toCsv`): one line per row and the
 * total, durations in seconds, shares in percent, the index and each element to two decimals.
 */
export function reportCsv(report: Report, t: TFunction, language: UiLanguage): string {
  const column = (name: ReportColumn, options: { seconds?: number } = {}) =>
    t(`reports.columns.${name}`, options);
  const inSeconds = (name: ReportColumn) => t('reports.csv.seconds', { column: column(name) });
  const inPercent = (name: ReportColumn, options: { seconds?: number } = {}) =>
    t('reports.csv.percent', { column: column(name, options) });
  const period = ['day', 'week', 'month'].includes(report.groupBy);
  const header: CsvCell[] = [
    period ? t('reports.csv.period') : t('reports.csv.name'),
    column('tickets'),
    column('served'),
    column('abandoned'),
    column('cancelled'),
    column('callbacks'),
    inSeconds('averageSpeedOfAnswer'),
    inSeconds('averageHandle'),
    inPercent('serviceLevel', { seconds: report.serviceLevelTargetMs / 1000 }),
    inPercent('signLanguageServiceLevel'),
    inSeconds('longestWait'),
    column('ikm'),
    column('band'),
    column('respondents'),
    ...SKM_ELEMENTS.map((element) => t(`reports.elements.${element}`)),
  ];
  const lines = reportLines(report, t, language).map(({ exportLabel, figures: f }): CsvCell[] => [
    exportLabel,
    f.tickets,
    f.served,
    f.abandoned,
    f.cancelled,
    f.callbacks,
    seconds(f.averageSpeedOfAnswerMs),
    seconds(f.averageHandleMs),
    percent(f.serviceLevel),
    percent(f.signLanguageServiceLevel),
    seconds(f.longestWaitMs),
    f.ikm?.index ?? null,
    f.ikm?.band ?? null,
    f.ikm?.respondents ?? 0,
    ...SKM_ELEMENTS.map((element) => twoDecimals(f.elements[element])),
  ]);
  return toCsv([header, ...lines]);
}
