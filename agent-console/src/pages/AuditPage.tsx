import type { AuditEntryView } from '@loket/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../components/AppHeader';
import { AuditForm, type AuditFilters } from '../components/audit/AuditForm';
import { Button } from '../components/Button';
import { DataTable, type Column } from '../components/DataTable';
import { useAuditLog } from '../hooks/useAuditLog';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useUiLanguage } from '../hooks/useUiLanguage';
import { actorText, auditCsv, detailsText, entryTime } from '../lib/audit-csv';
import { localDay } from '../lib/report-range';
import { saveFile } from '../lib/save-file';

/**
 * The office's audit log for managers and administrators: every change to tickets, officers,
 * kiosks and personal data, who made it and when, filtered and exported as CSV.
 */
export default function AuditPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  useDocumentTitle(t('audit.heading'));
  const [initial] = useState<AuditFilters>(() => {
    const today = localDay(new Date());
    return { from: today, to: today, actorType: null, action: null, who: null };
  });
  const [lastQuery, setLastQuery] = useState<AuditFilters>(initial);
  const [state, load] = useAuditLog();
  useEffect(() => void load(initial), [initial, load]);

  const log = state.status === 'done' ? state.log : null;
  const columns: Column<AuditEntryView>[] = [
    { header: t('audit.at'), cell: (entry) => entryTime(entry, language), rowHeader: true },
    { header: t('audit.by'), cell: (entry) => actorText(entry, t) },
    { header: t('audit.action'), cell: (entry) => <code>{entry.action}</code> },
    { header: t('audit.subjectId'), cell: (entry) => entry.subjectId ?? '—' },
    { header: t('audit.details'), cell: (entry) => detailsText(entry.details) || '—' },
  ];
  const download = () => {
    if (!log) return;
    const { from, to } = lastQuery;
    saveFile(`audit-${from}-${to}.csv`, auditCsv(log.entries, t), 'text/csv;charset=utf-8');
  };
  return (
    <>
      <AppHeader />
      <main className="page reports-page" aria-busy={state.status === 'loading'}>
        <h1 tabIndex={-1}>{t('audit.heading')}</h1>
        <p>{t('audit.intro')}</p>
        <AuditForm
          initial={initial}
          busy={state.status === 'loading'}
          onSubmit={(query) => {
            setLastQuery({
              from: query.from,
              to: query.to,
              actorType: query.actorType ?? null,
              action: query.action ?? null,
              who: query.who ?? null,
            });
            void load(query);
          }}
        />
        <div role="status" className="message message-notice">
          {state.status === 'loading' && t('audit.loading')}
          {log?.truncated && t('audit.truncated', { count: log.entries.length })}
        </div>
        <div role="alert" className="message message-error">
          {state.status === 'failed' && t(`errors.${state.error}`)}
        </div>
        {log && (
          <section className="report" aria-label={t('audit.entries')}>
            <div className="report-heading">
              <h2>{t('audit.entries')}</h2>
              <Button onClick={download} disabled={log.entries.length === 0}>
                {t('reports.download')}
              </Button>
            </div>
            <DataTable
              caption={t('audit.caption', { count: log.entries.length })}
              columns={columns}
              rows={log.entries}
              rowKey={(entry) => entry.id}
              empty={t('audit.empty')}
            />
          </section>
        )}
      </main>
    </>
  );
}
