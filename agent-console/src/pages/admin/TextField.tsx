import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The i18n key of what is wrong, shown beside the field and tied to it. */
  problem?: string | undefined;
  type?: 'text' | 'password';
  autoComplete?: string;
}

/** A labelled text field whose problem is read out with it (aria-describedby). */
export function TextField({
  label,
  value,
  onChange,
  problem,
  type = 'text',
  autoComplete,
}: TextFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const problemId = `${id}-problem`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        autoComplete={autoComplete}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {problem && (
        <p id={problemId} className="field-problem">
          {t(problem, { defaultValue: t('admin.problems.invalid') })}
        </p>
      )}
    </div>
  );
}
