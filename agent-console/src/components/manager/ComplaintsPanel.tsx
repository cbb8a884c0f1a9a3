import {
  restRoutes,
  type ComplaintDeadline,
  type ComplaintDeadlines,
  type ComplaintView,
} from '@loket/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../hooks/useCommand';
import { useComplaints } from '../../hooks/useComplaints';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import type { UiLanguage } from '../../i18n';
import { callRoute } from '../../lib/api';
import { noticeShown } from '../../store/actions';
import { DataTable } from '../DataTable';

const STAGES = [
  'verification',
  'followUp',
  'completion',
] as const satisfies readonly (keyof ComplaintDeadlines)[];

function formatDay(day: string, language: UiLanguage): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.parse(`${day}T00:00:00Z`));
}

/** One stage's deadline in words: the day, and the working days left or overdue. */
function DeadlineLine({
  stage,
  deadline,
}: {
  stage: (typeof STAGES)[number];
  deadline: ComplaintDeadline;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const left = deadline.workingDaysLeft;
  const overdue = left < 0;
  return (
    <li className={overdue ? 'deadline deadline-overdue' : 'deadline'}>
      {t(`complaints.stage.${stage}`, { date: formatDay(deadline.due, language) })}{' '}
      <strong>
        {overdue
          ? t('complaints.overdue', { count: -left })
          : left === 0
            ? t('complaints.dueToday')
            : t('complaints.daysLeft', { count: left })}
      </strong>
    </li>
  );
}

function StatusCell({ complaint }: { complaint: ComplaintView }) {
  const { t } = useTranslation();
  return (
    <>
      {t(`complaints.status.${complaint.status}`)}
      {complaint.rejection && (
        <>
          {': '}
          <q>{complaint.rejection}</q>
        </>
      )}
    </>
  );
}

/**
 * The office's open complaints for the manager's dashboard: each with its tracking id in
 * SP4N-LAPOR! and its three deadlines in working days (overdue ones said in words, not only in
 * red), and forwarding one that has not gone yet.
 */
export function ComplaintsPanel() {
  const { t } = useTranslation();
  const { list, error, reload } = useComplaints();
  const forward = useCommand();
  const heading = useId();
  const send = async (complaint: ComplaintView) => {
    let status: ComplaintView['status'] = complaint.status;
    const ok = await forward.run(async () => {
      status = (await callRoute(restRoutes.forwardComplaint, { complaintId: complaint.id })).status;
    });
    if (ok && status === 'forwarded') noticeShown('complaintForwarded');
    await reload();
  };
  const failure = forward.error ?? error;
  return (
    <section className="card complaints" aria-labelledby={heading}>
      <h2 id={heading}>{t('complaints.heading')}</h2>
      {list && !list.forwardingEnabled && <p className="hint">{t('complaints.off')}</p>}
      <div role="alert" className="message message-error">
        {failure ? t(`errors.${failure}`) : null}
      </div>
      {list && (
        <DataTable
          caption={t('complaints.caption')}
          rows={list.complaints}
          rowKey={(complaint) => complaint.id}
          empty={t('complaints.none')}
          columns={[
            {
              header: t('complaints.ticket'),
              rowHeader: true,
              cell: (complaint) => complaint.ticketNumber,
            },
            {
              header: t('complaints.text'),
              cell: (complaint) => complaint.text ?? <em>{t('complaints.erased')}</em>,
            },
            {
              header: t('complaints.source'),
              cell: (complaint) => t(`complaints.from.${complaint.source}`),
            },
            {
              header: t('complaints.statusHeader'),
              cell: (complaint) => <StatusCell complaint={complaint} />,
            },
            {
              header: t('complaints.trackingId'),
              cell: (complaint) => complaint.trackingId ?? '—',
            },
            {
              header: t('complaints.deadlines'),
              cell: (complaint) =>
                complaint.deadlines ? (
                  <ul className="deadlines">
                    {STAGES.map((stage) => (
                      <DeadlineLine
                        key={stage}
                        stage={stage}
                        deadline={complaint.deadlines![stage]}
                      />
                    ))}
                  </ul>
                ) : (
                  '—'
                ),
            },
          ]}
          actions={(complaint) =>
            list.forwardingEnabled &&
            complaint.text !== null &&
            (complaint.status === 'waiting' ||
              complaint.status === 'retrying' ||
              complaint.status === 'rejected')
              ? [{ label: t('complaints.forward'), onClick: () => void send(complaint) }]
              : []
          }
        />
      )}
    </section>
  );
}
