import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface ListFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The i18n key of what is wrong, read out with the field. */
  problem?: string | undefined;
  readOnly?: boolean;
}

/** A text field in a row of an edited list, named for its row, its problem tied to it. */
export function ListField({ label, value, onChange, problem, readOnly }: ListFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <input
        id={id}
        aria-label={label}
        value={value}
        readOnly={readOnly}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {problem && (
        <p id={`${id}-problem`} className="field-problem">
          {t(problem, { defaultValue: t('admin.problems.invalid') })}
        </p>
      )}
    </>
  );
}
