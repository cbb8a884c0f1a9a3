import type { Report, ReportRequest } from '@loket/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../components/AppHeader';
import { Button } from '../components/Button';
import { ReportCharts } from '../components/reports/ReportCharts';
import { ReportForm } from '../components/reports/ReportForm';
import { ReportTables } from '../components/reports/ReportTables';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useReport } from '../hooks/useReport';
import { useUiLanguage } from '../hooks/useUiLanguage';
import { reportCsv, reportLines } from '../lib/report-lines';
import { monthSoFar } from '../lib/report-range';
import { saveFile } from '../lib/save-file';

/** Whether a report holds nothing at all to show. */
function isEmpty(report: Report): boolean {
  const { tickets, callbacks, ikm } = report.total;
  return tickets === 0 && !callbacks && ikm === null;
}

/**
 * Reports for managers: a range of days cut by period, service, officer or need, as charts and as
 * tables with the same figures, and a CSV export for a spreadsheet.
 */
export default function ReportsPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  useDocumentTitle(t('reports.heading'));
  const [initial] = useState<ReportRequest>(() => ({ ...monthSoFar(new Date()), groupBy: 'day' }));
  const [state, load] = useReport();
  useEffect(() => void load(initial), [initial, load]);

  const report = state.status === 'done' ? state.report : null;
  const lines = report ? reportLines(report, t, language) : [];
  const download = () => {
    if (!report) return;
    const name = `laporan-${report.groupBy}-${report.from}-${report.to}.csv`;
    saveFile(name, reportCsv(report, t, language), 'text/csv;charset=utf-8');
  };

  return (
    <>
      <AppHeader />
      <main className="page reports-page" aria-busy={state.status === 'loading'}>
        <h1 tabIndex={-1}>{t('reports.heading')}</h1>
        <ReportForm
          initial={initial}
          busy={state.status === 'loading'}
          onSubmit={(request) => void load(request)}
        />
        <div role="status" className="message message-notice">
          {state.status === 'loading' && t('reports.loading')}
        </div>
        <div role="alert" className="message message-error">
          {state.status === 'failed' && t(`errors.${state.error}`)}
        </div>
        {report && (
          <section
            className="report"
            aria-label={t('reports.range', { from: report.from, to: report.to })}
          >
            <div className="report-heading">
              <h2>{t('reports.range', { from: report.from, to: report.to })}</h2>
              <Button onClick={download}>{t('reports.download')}</Button>
            </div>
            {isEmpty(report) ? (
              <p>{t('reports.empty')}</p>
            ) : (
              <>
                <ReportCharts lines={lines} />
                <ReportTables report={report} lines={lines} />
              </>
            )}
          </section>
        )}
      </main>
    </>
  );
}
