import { restRoutes, UpdateHoursBody, type AdminHours, type HoursPreview } from '@loket/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminField } from '../../components/admin/AdminField';
import { AdminOutcome } from '../../components/admin/AdminOutcome';
import { Button } from '../../components/Button';
import { useAdminRecord, type AdminRecord } from '../../hooks/useAdminRecord';
import { problemsOf, type Problems } from '../../lib/admin-form';
import { callRoute } from '../../lib/api';
import {
  closuresText,
  linesOf,
  parseClosures,
  parsePeriods,
  periodsText,
} from '../../lib/hours-text';

const readHours = () => callRoute(restRoutes.adminHours);
// Monday first, as an office's week reads; the schedule itself starts on Sunday.
const WEEK = [1, 2, 3, 4, 5, 6, 0];

interface Draft {
  days: string[];
  holidays: string;
  closures: string;
}

function draftOf(hours: AdminHours): Draft {
  return {
    days: hours.weekly.map(periodsText),
    holidays: hours.holidays.join('\n'),
    closures: closuresText(hours.closures),
  };
}

/** "Open now until 16:00" or "Closed, opens Monday 08:00". */
function PreviewText({ preview }: { preview: HoursPreview }) {
  const { t } = useTranslation();
  if (preview.open) return <>{t('admin.hours.openUntil', { time: preview.until })}</>;
  if (!preview.opens) return <>{t('admin.hours.closedNoOpening')}</>;
  return (
    <>
      {t('admin.hours.closedOpens', {
        day: t(`admin.day.${preview.opens.weekday}` as 'admin.day.0'),
        time: preview.opens.time,
      })}
    </>
  );
}

/**
 * The office's service hours: a weekly schedule whose breaks are the gaps between periods,
 * holidays, and one-off closures, with how the office stands now in its own time zone.
 */
export function HoursSection() {
  const record = useAdminRecord(readHours);
  if (!record.data) {
    return <AdminOutcome saved={false} error={record.error} onReload={record.reload} />;
  }
  // A new version (saved, or read again) starts the form from what the server holds.
  return <HoursForm key={record.data.version} hours={record.data} record={record} />;
}

function HoursForm({ hours, record }: { hours: AdminHours; record: AdminRecord<AdminHours> }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(hours));
  const [problems, setProblems] = useState<Problems>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = UpdateHoursBody.safeParse({
      version: hours.version,
      weekly: draft.days.map(parsePeriods),
      holidays: linesOf(draft.holidays),
      closures: parseClosures(draft.closures),
    });
    if (!parsed.success) return setProblems(problemsOf(parsed.error.issues, 2));
    setProblems({});
    void record.save(() => callRoute(restRoutes.updateHours, parsed.data));
  };
  const listProblem = (field: 'holidays' | 'closures') =>
    Object.entries(problems).find(([key]) => key.split('.')[0] === field)?.[1];
  return (
    <form className="admin-form" onSubmit={submit} noValidate aria-busy={record.busy}>
      <p role="status" className="admin-preview">
        <strong>{t('admin.hours.now', { zone: hours.timeZone })}</strong>{' '}
        <PreviewText preview={hours.preview} />
      </p>
      <fieldset className="choices">
        <legend>{t('admin.hours.weekly')}</legend>
        <p className="field-hint">{t('admin.hours.weeklyHint')}</p>
        {WEEK.map((day) => (
          <AdminField
            key={day}
            id={`hours-day-${day}`}
            label={t(`admin.day.${day}` as 'admin.day.0')}
            value={draft.days[day] ?? ''}
            onChange={(text) =>
              setDraft({ ...draft, days: draft.days.map((old, at) => (at === day ? text : old)) })
            }
            problem={problems[`weekly.${day}`]}
          />
        ))}
      </fieldset>
      <AdminField
        id="hours-holidays"
        label={t('admin.hours.holidays')}
        hint={t('admin.hours.holidaysHint')}
        multiline
        value={draft.holidays}
        onChange={(holidays) => setDraft({ ...draft, holidays })}
        problem={listProblem('holidays') && 'date'}
      />
      <AdminField
        id="hours-closures"
        label={t('admin.hours.closures')}
        hint={t('admin.hours.closuresHint')}
        multiline
        value={draft.closures}
        onChange={(closures) => setDraft({ ...draft, closures })}
        problem={listProblem('closures')}
      />
      <Button type="submit" variant="primary" disabled={record.busy}>
        {t('admin.save')}
      </Button>
      <AdminOutcome saved={record.saved} error={record.error} onReload={record.reload} />
    </form>
  );
}
