import type { UiLanguage } from '../i18n';

const percents = new Map<UiLanguage, Intl.NumberFormat>();
const dateTimes = new Map<UiLanguage, Intl.DateTimeFormat>();

/** A share from 0 to 1 as a whole percentage, the way the UI language writes it. */
export function formatPercent(share: number, language: UiLanguage): string {
  let format = percents.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'id-ID', {
      style: 'percent',
      maximumFractionDigits: 0,
    });
    percents.set(language, format);
  }
  return format.format(share);
}

const decimals = new Map<UiLanguage, Intl.NumberFormat>();

/** A figure with two decimals (the published form of the satisfaction index), e.g. 82,50. */
export function formatDecimal(value: number, language: UiLanguage): string {
  let format = decimals.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'id-ID', {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    decimals.set(language, format);
  }
  return format.format(value);
}

/** A day and time of day (local time), e.g. for when a call-back was asked for. */
export function formatDateTime(ms: number, language: UiLanguage): string {
  let format = dateTimes.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', {
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    dateTimes.set(language, format);
  }
  return format.format(ms);
}
