import type { Language } from '@loket/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../store/kiosk-store';
import { setLanguage } from '../store/settings';

/** Each language is named in itself, so a visitor finds theirs whatever is on screen now. */
const LANGUAGES: { code: Language; name: string }[] = [
  { code: 'id', name: 'Bahasa Indonesia' },
  { code: 'en', name: 'English' },
];

/** The choice of language, as two toggle buttons. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const current = useKiosk((state) => state.language);
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
          onClick={() => setLanguage(code)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}
