import { useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

/** A message in both languages a kiosk speaks. */
export interface BilingualText {
  id: string;
  en: string;
}

interface BilingualMessageFieldsProps {
  text: BilingualText;
  onChange: (text: BilingualText) => void;
  /** The manager tried to send with a language left empty: that field says it is invalid. */
  missing: boolean;
  /** The id of what went wrong, read with each field. */
  describedBy?: string;
  firstRef?: Ref<HTMLTextAreaElement>;
}

/** The two fields of a message for kiosks, Bahasa Indonesia first, each at most 280 characters. */
export function BilingualMessageFields({
  text,
  onChange,
  missing,
  describedBy,
  firstRef,
}: BilingualMessageFieldsProps) {
  const { t } = useTranslation();
  const ids = { id: useId(), en: useId() };
  return (['id', 'en'] as const).map((language) => (
    <div className="field" key={language}>
      <label htmlFor={ids[language]}>{t(`kioskMessage.${language}`)}</label>
      <textarea
        id={ids[language]}
        ref={language === 'id' ? firstRef : undefined}
        lang={language}
        rows={2}
        maxLength={280}
        required
        value={text[language]}
        aria-invalid={(missing && !text[language].trim()) || undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange({ ...text, [language]: event.target.value })}
      />
    </div>
  ));
}
