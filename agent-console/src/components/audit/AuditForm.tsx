import { AuditActorType, MAX_REPORT_DAYS, type AuditQuery } from '@loket/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { rangeProblem, type RangeProblem } from '../../lib/report-range';
import { Button } from '../Button';
import { DateRangeFields } from '../DateRangeFields';

/** The kinds of change a manager can pick: the subject part of the actions the server writes. */
export const AUDIT_SUBJECTS = [
  'ticket',
  'offer',
  'call',
  'agent',
  'callback',
  'kiosk',
  'retention',
  'personal_data',
  'admin',
] as const;

/** The filters of the audit log as the form holds them. */
export interface AuditFilters {
  from: string;
  to: string;
  actorType: AuditActorType | null;
  action: string | null;
  /** Part of the name of the person or kiosk, e.g. one officer's. */
  who: string | null;
}

interface AuditFormProps {
  initial: AuditFilters;
  busy: boolean;
  onSubmit: (query: AuditQuery) => void;
}

/** The days, whose doing and which kind of change to read; a bad range is explained here first. */
export function AuditForm({ initial, busy, onSubmit }: AuditFormProps) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState(initial);
  const [problem, setProblem] = useState<RangeProblem | null>(null);
  const ids = {
    from: useId(),
    to: useId(),
    actor: useId(),
    who: useId(),
    action: useId(),
    problem: useId(),
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = rangeProblem(filters.from, filters.to);
    setProblem(found);
    if (!found && !busy) onSubmit({ ...filters, who: filters.who?.trim() || null });
  };

  return (
    <form className="report-form" noValidate onSubmit={submit}>
      <DateRangeFields
        ids={ids}
        from={filters.from}
        to={filters.to}
        invalid={problem !== null}
        onChange={(range) => setFilters({ ...filters, ...range })}
      />
      <div className="field">
        <label htmlFor={ids.actor}>{t('audit.actor')}</label>
        <select
          id={ids.actor}
          value={filters.actorType ?? ''}
          onChange={(event) =>
            setFilters({
              ...filters,
              actorType: event.target.value ? AuditActorType.parse(event.target.value) : null,
            })
          }
        >
          <option value="">{t('audit.anyone')}</option>
          {AuditActorType.options.map((type) => (
            <option key={type} value={type}>
              {t(`audit.actorType.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.who}>{t('audit.who')}</label>
        <input
          id={ids.who}
          type="search"
          maxLength={100}
          value={filters.who ?? ''}
          onChange={(event) => setFilters({ ...filters, who: event.target.value || null })}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.action}>{t('audit.action')}</label>
        <select
          id={ids.action}
          value={filters.action ?? ''}
          onChange={(event) => setFilters({ ...filters, action: event.target.value || null })}
        >
          <option value="">{t('audit.anything')}</option>
          {AUDIT_SUBJECTS.map((subject) => (
            <option key={subject} value={subject}>
              {t(`audit.subject.${subject}`)}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="primary" disabled={busy} aria-busy={busy || undefined}>
        {t('audit.show')}
      </Button>
      <p id={ids.problem} role="alert" className="form-error">
        {problem && t(`reports.${problem}`, { days: MAX_REPORT_DAYS })}
      </p>
    </form>
  );
}
