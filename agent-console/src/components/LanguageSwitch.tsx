import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../hooks/useUiLanguage';
import { setUiLanguage, UI_LANGUAGES } from '../i18n';

/** Bahasa Indonesia / English, each named in its own language. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const current = useUiLanguage();
  return (
    <div role="group" aria-label={t('language.label')} className="language-switch">
      {UI_LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language-option"
          aria-pressed={language === current}
          onClick={() => setUiLanguage(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
