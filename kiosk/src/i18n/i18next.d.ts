import 'i18next';
import type id from './locales/id.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    // Keys are checked against the Indonesian texts, the kiosk's reference language.
    resources: { translation: typeof id };
  }
}
