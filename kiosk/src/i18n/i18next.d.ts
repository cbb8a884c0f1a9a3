import 'i18next';
import type id from './locales/id.json';
import type chat from './chat/id.json';
import type pages from './pages/id.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    // Keys are checked against the Indonesian texts, the kiosk's reference language.
    // `pages`: the texts of the lobby display and the visit summary, kept off the kiosk's first route.
    // `chat`: the texts of the chat with the officer, fetched with the chat panel.
    resources: { translation: typeof id; pages: typeof pages; chat: typeof chat };
  }
}
