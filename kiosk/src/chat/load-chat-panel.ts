import { loadChatTexts } from '../i18n';

/** The chat panel and its texts, in chunks of their own: the first screen paints without them. */
export const loadChatPanel = async () => {
  const [panel] = await Promise.all([import('./ChatPanel'), loadChatTexts()]);
  return panel;
};
