import type { Language } from '@loket/shared';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import id from './locales/id.json';

/** Bahasa Indonesia first: it is what the kiosk speaks until a visitor chooses otherwise. */
void i18n.use(initReactI18next).init({
  resources: { id: { translation: id } },
  lng: 'id',
  fallbackLng: 'id',
  supportedLngs: ['id', 'en'],
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  // Indonesian is bundled, so it is ready as soon as init returns.
  initAsync: false,
});

// The other languages stay out of the first screen's code; main.tsx fetches them right after it.
const LOCALES: Record<Exclude<Language, 'id'>, () => Promise<{ default: typeof id }>> = {
  en: () => import('./locales/en.json'),
};

let laterTexts: Promise<void> | undefined;

/**
 * Fetches the Indonesian texts of the screens after the first ones (waiting, call-back, survey),
 * which are kept off the first route: each of those screens loads them with its own code, so they
 * are at hand before it shows. English has every text in its one file.
 */
export function loadLaterTexts(): Promise<void> {
  laterTexts ??= import('./locales/id-later.json').then(({ default: texts }) => {
    i18n.addResourceBundle('id', 'translation', texts, true, false);
  });
  return laterTexts;
}

/** Whether the texts of a language are at hand, so switching to it is immediate. */
export function hasLanguage(language: Language): boolean {
  return i18n.hasResourceBundle(language, 'translation');
}

/** Fetches the texts of a language once. */
export async function loadLanguage(language: Language): Promise<void> {
  if (language === 'id' || hasLanguage(language)) return;
  const { default: texts } = await LOCALES[language]();
  i18n.addResourceBundle(language, 'translation', texts);
}

/**
 * Fetches the texts of the pages that are not the kiosk (the lobby display, the visit summary) in
 * every language, as the `pages` namespace: the kiosk's first route never carries them.
 */
export async function loadPageTexts(): Promise<void> {
  const [id, en] = await Promise.all([import('./pages/id.json'), import('./pages/en.json')]);
  i18n.addResourceBundle('id', 'pages', id.default);
  i18n.addResourceBundle('en', 'pages', en.default);
}

export default i18n;

/**
 * Fetches the chat's texts in every language, as the `chat` namespace, with the chat panel: the
 * kiosk's first route never carries them.
 */
export async function loadChatTexts(): Promise<void> {
  const [id, en] = await Promise.all([import('./chat/id.json'), import('./chat/en.json')]);
  i18n.addResourceBundle('id', 'chat', id.default);
  i18n.addResourceBundle('en', 'chat', en.default);
}
