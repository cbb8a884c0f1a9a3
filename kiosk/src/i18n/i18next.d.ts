import 'i18next';
import type id from './locales/id.json';
import type captions from './captions/id.json';
import type chat from './chat/id.json';
import type later from './locales/id-later.json';
import type pages from './pages/id.json';
import type speech from './speech/id.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    // Keys are checked against the Indonesian texts, the kiosk's reference language.
    // `pages`: the texts of the lobby display and the visit summary, kept off the kiosk's first route.
    // `speech`: the texts of audio guidance, loaded when a visitor switches it on.
    // `chat`: the texts of the chat with the officer, fetched with the chat panel.
    // `captions`: the texts of the call's captions, fetched with the caption strip.
    // The later screens' Indonesian texts load with those screens (see loadLaterTexts).
    resources: {
      translation: typeof id & typeof later;
      pages: typeof pages;
      speech: typeof speech;
      chat: typeof chat;
      captions: typeof captions;
    };
  }
}
