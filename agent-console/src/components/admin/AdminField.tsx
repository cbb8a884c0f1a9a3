import { useTranslation } from 'react-i18next';

interface AdminFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** What is wrong with it, as a key under `admin.problem`. */
  problem?: string | undefined;
  hint?: string;
  multiline?: boolean;
  type?: 'text' | 'number';
}

/** One field of an admin form, its problem shown beside it in the user's language. */
export function AdminField({
  id,
  label,
  value,
  onChange,
  problem,
  hint,
  multiline = false,
  type = 'text',
}: AdminFieldProps) {
  const { t } = useTranslation();
  const described = [hint && `${id}-hint`, problem && `${id}-problem`].filter(Boolean).join(' ');
  const common = {
    id,
    value,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': described || undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea {...common} rows={3} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} type={type} onChange={(event) => onChange(event.target.value)} />
      )}
      {problem && (
        <p id={`${id}-problem`} className="field-problem">
          {t(`admin.problem.${problem}` as 'admin.problem.invalid')}
        </p>
      )}
    </div>
  );
}
