import type { Language } from '@loket/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Each language is named in itself, so a visitor finds theirs whatever is on screen now. */
const LANGUAGES: { code: Language; name: string }[] = [
  { code: 'id', name: 'Bahasa Indonesia' },
  { code: 'en', name: 'English' },
];

interface LanguageSwitchProps {
  current: Language;
  onChoose: (language: Language) => void;
}

/** The choice of language, as two toggle buttons. */
export function LanguageSwitch({ current, onChoose }: LanguageSwitchProps) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <div role="group" aria-labelledby={labelId} className="languages">
      <span id={labelId} className="languages__label">
        {t('attract.language')}
      </span>
      {LANGUAGES.map(({ code, name }) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="button button--toggle"
          aria-pressed={current === code}
          onClick={() => onChoose(code)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}
