import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import id from './locales/id.json';

/** Bahasa Indonesia first: it is what the kiosk speaks until a visitor chooses otherwise. */
void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: 'id',
  fallbackLng: 'id',
  supportedLngs: ['id', 'en'],
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  // The texts are bundled, so they are ready as soon as init returns.
  initAsync: false,
});

export default i18n;
