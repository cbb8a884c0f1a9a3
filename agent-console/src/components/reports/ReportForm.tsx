import { MAX_REPORT_DAYS, ReportGrouping, type ReportRequest } from '@loket/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { rangeProblem, type RangeProblem } from '../../lib/report-range';
import { Button } from '../Button';
import { DateRangeFields } from '../DateRangeFields';

interface ReportFormProps {
  initial: ReportRequest;
  busy: boolean;
  onSubmit: (request: ReportRequest) => void;
}

/** The range and grouping of a report; a range the server would refuse is explained here first. */
export function ReportForm({ initial, busy, onSubmit }: ReportFormProps) {
  const { t } = useTranslation();
  const [request, setRequest] = useState(initial);
  const [problem, setProblem] = useState<RangeProblem | null>(null);
  const ids = { from: useId(), to: useId(), groupBy: useId(), problem: useId() };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = rangeProblem(request.from, request.to);
    setProblem(found);
    if (!found && !busy) onSubmit(request);
  };

  return (
    <form className="report-form" noValidate onSubmit={submit}>
      <DateRangeFields
        ids={ids}
        from={request.from}
        to={request.to}
        invalid={problem !== null}
        onChange={(range) => setRequest({ ...request, ...range })}
      />
      <div className="field">
        <label htmlFor={ids.groupBy}>{t('reports.groupBy')}</label>
        <select
          id={ids.groupBy}
          value={request.groupBy}
          onChange={(event) =>
            setRequest({ ...request, groupBy: ReportGrouping.parse(event.target.value) })
          }
        >
          {ReportGrouping.options.map((grouping) => (
            <option key={grouping} value={grouping}>
              {t(`reports.groupingOptions.${grouping}`)}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="primary" disabled={busy}>
        {t('reports.show')}
      </Button>
      <p id={ids.problem} role="alert" className="form-error">
        {problem && t(`reports.${problem}`, { days: MAX_REPORT_DAYS })}
      </p>
    </form>
  );
}
