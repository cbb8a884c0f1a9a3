import type { UiLanguage } from '../i18n';

const formats = new Map<UiLanguage, Intl.DateTimeFormat>();

/** A time of day (hours and minutes, local time) the way the UI language writes it. */
export function formatClock(ms: number, language: UiLanguage): string {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', {
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(language, format);
  }
  return format.format(ms);
}
