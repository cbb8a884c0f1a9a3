import { loadLaterTexts } from '../i18n';

/**
 * The screens for when nobody can serve or the kiosk is closed (QR codes, the call-back form and
 * its phone check), in a chunk of their own: most visitors never see them.
 */
export const loadUnavailableScreens = () =>
  Promise.all([import('./unavailable-screens'), loadLaterTexts()]).then(([screens]) => screens);
