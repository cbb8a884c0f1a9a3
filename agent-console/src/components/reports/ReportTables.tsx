import { SKM_ELEMENTS, type Report } from '@loket/shared';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatDuration } from '../../lib/format-duration';
import { formatDecimal, formatPercent } from '../../lib/format-figures';
import type { ReportLine } from '../../lib/report-lines';
import { DataTable, type Column } from '../DataTable';

/** Said for a figure that has nothing to rest on (no answered visitor, no survey). */
const NONE = '–';

/** The report's figures and its SKM elements as tables, a line per row and the total last. */
export function ReportTables({ report, lines }: { report: Report; lines: readonly ReportLine[] }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const grouping = t(`reports.groupings.${report.groupBy}`);
  const duration = (ms: number | null) => (ms === null ? NONE : formatDuration(ms));
  const share = (value: number | null) => (value === null ? NONE : formatPercent(value, language));
  const count = (value: number | null) => (value === null ? NONE : String(value));
  const name: Column<ReportLine> = {
    header: t(`reports.groupingOptions.${report.groupBy}`),
    cell: (line) => line.label,
    rowHeader: true,
  };
  const figures: Column<ReportLine>[] = [
    name,
    { header: t('reports.columns.tickets'), cell: (l) => count(l.figures.tickets), numeric: true },
    { header: t('reports.columns.served'), cell: (l) => count(l.figures.served), numeric: true },
    {
      header: t('reports.columns.abandoned'),
      cell: (l) => count(l.figures.abandoned),
      numeric: true,
    },
    {
      header: t('reports.columns.cancelled'),
      cell: (l) => count(l.figures.cancelled),
      numeric: true,
    },
    {
      header: t('reports.columns.callbacks'),
      cell: (l) => count(l.figures.callbacks),
      numeric: true,
    },
    {
      header: t('reports.columns.averageSpeedOfAnswer'),
      cell: (l) => duration(l.figures.averageSpeedOfAnswerMs),
      numeric: true,
    },
    {
      header: t('reports.columns.averageHandle'),
      cell: (l) => duration(l.figures.averageHandleMs),
      numeric: true,
    },
    {
      header: t('reports.columns.serviceLevel', {
        seconds: Math.round(report.serviceLevelTargetMs / 1000),
      }),
      cell: (l) => share(l.figures.serviceLevel),
      numeric: true,
    },
    {
      header: t('reports.columns.signLanguageServiceLevel'),
      cell: (l) => share(l.figures.signLanguageServiceLevel),
      numeric: true,
    },
    {
      header: t('reports.columns.longestWait'),
      cell: (l) => duration(l.figures.longestWaitMs),
      numeric: true,
    },
    {
      header: t('reports.columns.ikm'),
      cell: ({ figures: { ikm } }) =>
        ikm ? `${formatDecimal(ikm.index, language)} (${ikm.band})` : NONE,
      numeric: true,
    },
    {
      header: t('reports.columns.respondents'),
      cell: (l) => String(l.figures.ikm?.respondents ?? 0),
      numeric: true,
    },
  ];
  const elements: Column<ReportLine>[] = [
    name,
    ...SKM_ELEMENTS.map((element): Column<ReportLine> => ({
      header: t(`reports.elements.${element}`),
      cell: (l) => {
        const value = l.figures.elements[element];
        return value === undefined ? NONE : formatDecimal(value, language);
      },
      numeric: true,
    })),
  ];
  return (
    <>
      <div
        className="table-scroll"
        role="region"
        aria-label={t('reports.figuresCaption', { grouping })}
        // A region that scrolls sideways takes focus, so a keyboard can scroll it (WCAG 2.1.1).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
      >
        <DataTable
          caption={t('reports.figuresCaption', { grouping })}
          columns={figures}
          rows={lines}
          rowKey={(line) => line.key}
          empty={t('reports.empty')}
        />
      </div>
      <div
        className="table-scroll"
        role="region"
        aria-label={t('reports.elementsCaption', { grouping })}
        // A region that scrolls sideways takes focus, so a keyboard can scroll it (WCAG 2.1.1).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
      >
        <DataTable
          caption={t('reports.elementsCaption', { grouping })}
          columns={elements}
          rows={lines}
          rowKey={(line) => line.key}
          empty={t('reports.empty')}
        />
      </div>
    </>
  );
}
