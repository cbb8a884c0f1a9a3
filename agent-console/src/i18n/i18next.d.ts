import 'i18next';
import type id from './locales/id.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof id };
  }
}
