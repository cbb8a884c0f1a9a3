/**
 * Date formatters of one shape, one per time zone, each made on first use and kept: building an
 * `Intl.DateTimeFormat` costs about ten times as much as formatting with one, and an office has
 * one zone, asked on every ticket and every look at its hours.
 */
export function formatsByZone(
  locale: string,
  options: Omit<Intl.DateTimeFormatOptions, 'timeZone'>,
): (timeZone: string) => Intl.DateTimeFormat {
  const made = new Map<string, Intl.DateTimeFormat>();
  return (timeZone) => {
    let format = made.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
      made.set(timeZone, format);
    }
    return format;
  };
}
