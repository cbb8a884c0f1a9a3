import { useTranslation } from 'react-i18next';

interface DateRangeFieldsProps {
  ids: { from: string; to: string; problem: string };
  from: string;
  to: string;
  /** The range is wrong: both fields say so, and point at the problem's text. */
  invalid: boolean;
  onChange: (range: { from: string; to: string }) => void;
}

/** The first and last day of a range (reports, audit log), both included. */
export function DateRangeFields({ ids, from, to, invalid, onChange }: DateRangeFieldsProps) {
  const { t } = useTranslation();
  const problem = invalid ? { 'aria-invalid': true, 'aria-describedby': ids.problem } : {};
  return (
    <>
      <div className="field">
        <label htmlFor={ids.from}>{t('reports.from')}</label>
        <input
          id={ids.from}
          type="date"
          value={from}
          required
          onChange={(event) => onChange({ from: event.target.value, to })}
          {...problem}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.to}>{t('reports.to')}</label>
        <input
          id={ids.to}
          type="date"
          value={to}
          required
          onChange={(event) => onChange({ from, to: event.target.value })}
          {...problem}
        />
      </div>
    </>
  );
}
