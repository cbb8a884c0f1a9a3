import { formatsByZone } from './zone-formats.js';

/** A ticket number as shown and called: the service letter and a three-digit daily count. */
export function formatTicketNumber(letter: string, count: number): string {
  return `${letter}-${String(count).padStart(3, '0')}`;
}

const dayFormats = formatsByZone('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (YYYY-MM-DD) of `at` in the office's time zone; counts restart each day. */
export function serviceDay(at: number, timeZone: string): string {
  return dayFormats(timeZone).format(at);
}
