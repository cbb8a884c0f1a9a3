import i18n, { hasLanguage, loadLanguage } from '../i18n';
import type { DisplaySettings } from '../store/kiosk-store';

/** The language asked for last: a slower fetch for an earlier choice must not override it. */
let wanted: DisplaySettings['language'] | null = null;

/**
 * Puts a visitor's display settings into effect: the language of the texts and of `<html lang>`,
 * and the `data-text-size` / `data-contrast` / `data-reach` switches the style sheets read.
 */
export function applyDisplaySettings({
  language,
  textSize,
  contrast,
  reach,
}: DisplaySettings): void {
  const root = document.documentElement;
  root.lang = language;
  root.dataset.textSize = textSize;
  root.dataset.contrast = contrast;
  root.dataset.reach = reach;
  wanted = language;
  if (i18n.language === language) return;
  if (hasLanguage(language)) void i18n.changeLanguage(language);
  else
    void loadLanguage(language).then(() => {
      if (wanted === language) void i18n.changeLanguage(language);
    });
}
