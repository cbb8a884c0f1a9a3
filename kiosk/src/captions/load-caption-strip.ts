import i18n from '../i18n';

/** Fetches the captions' texts in every language, as the `captions` namespace. */
async function loadCaptionTexts(): Promise<void> {
  const [id, en] = await Promise.all([
    import('../i18n/captions/id.json'),
    import('../i18n/captions/en.json'),
  ]);
  i18n.addResourceBundle('id', 'captions', id.default);
  i18n.addResourceBundle('en', 'captions', en.default);
}

/** The caption strip and its texts, in chunks of their own: the first screen paints without them. */
export const loadCaptionStrip = async () => {
  const [strip] = await Promise.all([import('./CaptionStrip'), loadCaptionTexts()]);
  return strip;
};
