import { describe, expect, test } from 'vitest';
import { toCsv, type CsvCell } from './csv.js';

const line = (row: CsvCell[]) => toCsv([row]).slice(1, -2);

describe('toCsv', () => {
  test('starts with a byte-order mark and ends each line with CRLF', () => {
    expect(toCsv([['a'], ['b']])).toBe('\uFEFFa\r\nb\r\n');
  });

  test.each([
    { name: 'a whole figure', cell: 42, expected: '42' },
    { name: 'a decimal figure, with a comma', cell: 87.5, expected: '87,5' },
    { name: 'a negative figure, as a number', cell: -3.25, expected: '-3,25' },
    { name: 'nothing, as an empty cell', cell: null, expected: '' },
    { name: 'a date, as written', cell: '2026-03-02', expected: '2026-03-02' },
    { name: 'text with a semicolon, quoted', cell: 'a;b', expected: '"a;b"' },
    { name: 'text with a quote, doubled', cell: 'say "hi"', expected: '"say ""hi"""' },
    { name: 'text over two lines, quoted', cell: 'a\nb', expected: '"a\nb"' },
    {
      name: 'Indonesian text, unchanged',
      cell: 'Layanan Kependudukan',
      expected: 'Layanan Kependudukan',
    },
  ])('writes $name', ({ cell, expected }) => {
    expect(line([cell])).toBe(expected);
  });

  test.each([
    { start: '=', cell: '=HYPERLINK("http://x")', expected: `"'=HYPERLINK(""http://x"")"` },
    { start: '+', cell: '+1+1', expected: "'+1+1" },
    { start: '-', cell: '-2+3', expected: "'-2+3" },
    { start: '@', cell: '@SUM(A1)', expected: "'@SUM(A1)" },
    { start: 'a tab', cell: '\t=1', expected: "'\t=1" },
    { start: 'a carriage return', cell: '\r=1', expected: `"'\r=1"` },
  ])('makes text starting with $start inert with a leading quote', ({ cell, expected }) => {
    expect(line([cell])).toBe(expected);
  });

  test('separates cells with semicolons', () => {
    expect(line(['Hari', 12, 0.85, null])).toBe('Hari;12;0,85;');
  });
});
