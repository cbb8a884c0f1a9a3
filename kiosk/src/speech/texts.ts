import type { i18n as I18n } from 'i18next';

/** Fetches the texts of audio guidance in every language, as the `speech` namespace, once. */
export async function loadSpeechTexts(i18n: I18n): Promise<void> {
  if (i18n.hasResourceBundle('id', 'speech')) return;
  const [id, en] = await Promise.all([
    import('../i18n/speech/id.json'),
    import('../i18n/speech/en.json'),
  ]);
  i18n.addResourceBundle('id', 'speech', id.default);
  i18n.addResourceBundle('en', 'speech', en.default);
}
