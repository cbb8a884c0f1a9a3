/**
 * The hours form writes a day as `08:00-12:00, 13:00-16:00` and a closure as
 * `2026-12-24 10:00-11:00`, one per line: quick to type and to read aloud by a screen reader.
 * What does not read as that shape is left as it is, for the shared schema to refuse.
 */
const PERIOD = /^\s*(\S+?)\s*[-–]\s*(\S+?)\s*$/;

/** The periods of a day as its field reads. */
export function periodsText(periods: readonly { open: string; close: string }[]): string {
  return periods.map((period) => `${period.open}-${period.close}`).join(', ');
}

/** A day's field as periods; a part without a dash becomes a period the schema refuses. */
export function parsePeriods(text: string): { open: string; close: string }[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = PERIOD.exec(part);
      return match ? { open: match[1]!, close: match[2]! } : { open: part, close: '' };
    });
}

/** Lines of a text field, blank ones left out. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The closures as their field reads. */
export function closuresText(closures: readonly { date: string; from: string; to: string }[]) {
  return closures.map((closure) => `${closure.date} ${closure.from}-${closure.to}`).join('\n');
}

/** The closures field as closures. */
export function parseClosures(text: string): { date: string; from: string; to: string }[] {
  return linesOf(text).map((line) => {
    const [date = '', ...rest] = line.split(/\s+/);
    const [period] = parsePeriods(rest.join(' '));
    return { date, from: period?.open ?? '', to: period?.close ?? '' };
  });
}
