import type { Language, WaitRange } from '@loket/shared';

/** The locale each kiosk language formats dates in. */
const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/** The office's time zone: opening hours are said in WIB, wherever the server runs. */
export const OFFICE_TIME_ZONE = 'Asia/Jakarta';

/** A moment as a visitor reads it: weekday, date and time in WIB, e.g. "Senin, 3 Maret pukul 08.00 WIB". */
export function formatOpening(epochMs: number, language: Language): string {
  const when = new Intl.DateTimeFormat(LOCALES[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: OFFICE_TIME_ZONE,
  }).format(epochMs);
  return `${when} WIB`;
}

/** Joins words as a list in the visitor's language: "a, b dan c" / "a, b and c". */
export function formatList(items: string[], language: Language): string {
  return new Intl.ListFormat(LOCALES[language], { type: 'conjunction' }).format(items);
}

/** An estimated wait in whole minutes, as the waiting screen says it. */
export type WaitText =
  | { kind: 'unknown' }
  | { kind: 'under'; max: number }
  | { kind: 'about'; minutes: number }
  | { kind: 'range'; min: number; max: number };

const MINUTE_MS = 60_000;

/**
 * Rounds an estimated wait outwards to whole minutes (never promising less than the estimate):
 * a range from zero is "less than N minutes", a range that rounds to one number is "about N".
 */
export function waitText(wait: WaitRange | null): WaitText {
  if (!wait) return { kind: 'unknown' };
  const min = Math.floor(Math.min(wait.minMs, wait.maxMs) / MINUTE_MS);
  const max = Math.max(1, Math.ceil(Math.max(wait.minMs, wait.maxMs) / MINUTE_MS));
  if (min === 0) return { kind: 'under', max };
  if (min >= max) return { kind: 'about', minutes: max };
  return { kind: 'range', min, max };
}
