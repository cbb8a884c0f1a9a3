import { useId } from 'react';
import { useTranslation } from 'react-i18next';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '+', '0'] as const;

interface PhoneKeypadProps {
  /** A digit or "+" was pressed. */
  onKey: (key: string) => void;
  onDelete: () => void;
}

/** A large on-screen number pad, for a kiosk that has no keyboard of its own. */
export function PhoneKeypad({ onKey, onDelete }: PhoneKeypadProps) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <div role="group" aria-labelledby={labelId} className="keypad">
      <span id={labelId} className="visually-hidden">
        {t('callback.keypad')}
      </span>
      {KEYS.map((key) => (
        <button key={key} type="button" className="button keypad__key" onClick={() => onKey(key)}>
          {key}
        </button>
      ))}
      <button
        type="button"
        className="button keypad__key"
        aria-label={t('callback.delete')}
        onClick={onDelete}
      >
        <span aria-hidden="true">⌫</span>
      </button>
    </div>
  );
}
