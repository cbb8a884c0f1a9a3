import { useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

interface ReasonFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** Shown as invalid after an attempt without a reason. */
  invalid: boolean;
  ref?: Ref<HTMLTextAreaElement>;
}

/** Why a manager acts: required, kept in the audit log. */
export function ReasonField({ value, onChange, invalid, ref }: ReasonFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('form.reason')}</label>
      <textarea
        ref={ref}
        id={id}
        value={value}
        rows={2}
        maxLength={500}
        required
        aria-invalid={invalid || undefined}
        aria-describedby={hintId}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={hintId} className="field-hint">
        {t('form.reasonHint')}
      </p>
    </div>
  );
}
