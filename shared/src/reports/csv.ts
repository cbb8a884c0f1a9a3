// Plain functions, free of zod: the console builds its export with them in the browser.

/** One cell of an exported table: text, a figure, or nothing. */
export type CsvCell = string | number | null;

/** What a spreadsheet in Indonesian locale expects: `;` between cells, a comma before decimals. */
const SEPARATOR = ';';
const BOM = '\uFEFF';

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and carriage return,
 * let one slip past a check that looks at the first visible character): OWASP's CSV injection.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A figure as Indonesian spreadsheets read it: no grouping, a decimal comma. */
function figure(value: number): string {
  return Number.isFinite(value) ? String(value).replace('.', ',') : '';
}

/** A text cell made inert (a leading quote) and quoted when it holds a separator, quote or line. */
function text(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * A table as CSV that opens correctly in a spreadsheet set to Indonesian: UTF-8 with a byte-order
 * mark, `;` separators, decimal commas, CRLF line ends. Figures are written as numbers; text that
 * could be taken for a formula is prefixed with a single quote.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  const lines = rows.map((row) =>
    row
      .map((cell) => (cell === null ? '' : typeof cell === 'number' ? figure(cell) : text(cell)))
      .join(SEPARATOR),
  );
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
