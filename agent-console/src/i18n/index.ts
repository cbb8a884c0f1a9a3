import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import id from './locales/id.json';

/** Languages of the console's own text; Bahasa Indonesia is the default. */
export const UI_LANGUAGES = ['id', 'en'] as const;
/** A language of the console's own text. */
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const STORAGE_KEY = 'loket.console.language';

function storedLanguage(): UiLanguage {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

function reflect(language: string): void {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'id',
  supportedLngs: UI_LANGUAGES,
  interpolation: { escapeValue: false },
  initAsync: false,
});
i18n.on('languageChanged', reflect);
document.documentElement.lang = i18n.language;

/** Switches the console's language and the page's `lang`, and remembers the choice. */
export function setUiLanguage(language: UiLanguage): void {
  void i18n.changeLanguage(language);
}

export default i18n;
