import i18n from '../i18n';
import type { DisplaySettings } from '../store/kiosk-store';

/**
 * Puts a visitor's display settings into effect: the language of the texts and of `<html lang>`,
 * and the `data-text-size` / `data-contrast` switches that tokens.css reads.
 */
export function applyDisplaySettings({ language, textSize, contrast }: DisplaySettings): void {
  const root = document.documentElement;
  root.lang = language;
  root.dataset.textSize = textSize;
  root.dataset.contrast = contrast;
  if (i18n.language !== language) void i18n.changeLanguage(language);
}
