import { loadLaterTexts } from '../i18n';

/**
 * The waiting screen (camera preview, queue status, the phone link), in a chunk of its own that
 * the consent screen fetches early with its texts, so the first screen paints without them.
 */
export const loadWaitingScreen = () =>
  Promise.all([import('./WaitingScreen'), loadLaterTexts()]).then(([screen]) => screen);
