/** A ticket number as shown and called: the service letter and a three-digit daily count. */
export function formatTicketNumber(letter: string, count: number): string {
  return `${letter}-${String(count).padStart(3, '0')}`;
}

// Building a formatter costs far more than using one; offices have one zone each.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) of `at` in the office's time zone; counts restart each day. */
export function serviceDay(at: number, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(at);
}
