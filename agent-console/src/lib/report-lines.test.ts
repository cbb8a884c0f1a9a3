import { beforeEach, describe, expect, test } from 'vitest';
import i18n from '../i18n';
import { dailyReport, reportFigures } from '../test/fixtures';
import { reportCsv, reportLines } from './report-lines';

const t = i18n.t.bind(i18n);

describe('reportLines', () => {
  test('names days in writing for the screen and as YYYY-MM-DD for the export, total last', () => {
    const lines = reportLines(dailyReport(), t, 'id');
    expect(lines.map((line) => [line.label, line.exportLabel])).toEqual([
      ['Sen, 2 Mar 2026', '2026-03-02'],
      ['Sel, 3 Mar 2026', '2026-03-03'],
      ['Jumlah', 'Jumlah'],
    ]);
  });

  test.each([
    { groupBy: 'week', key: '2026-03-02', label: 'Week of Mon, 2 Mar 2026' },
    { groupBy: 'month', key: '2026-03', label: 'March 2026' },
    { groupBy: 'need', key: 'sign_language', label: 'Sign language (BISINDO)' },
    { groupBy: 'need', key: 'priority', label: 'Priority service (all)' },
    { groupBy: 'outcome', key: '_none', label: 'No outcome recorded' },
    { groupBy: 'outcome', key: 'old_outcome', label: 'old_outcome' },
  ] as const)('names a $groupBy row $key “$label” in English', ({ groupBy, key, label }) => {
    const report = dailyReport({ groupBy, rows: [{ key, name: null, figures: reportFigures() }] });
    expect(reportLines(report, i18n.getFixedT('en'), 'en')[0]?.label).toBe(label);
  });

  test('names a service in the UI language', () => {
    const report = dailyReport({
      groupBy: 'service',
      rows: [
        {
          key: 's-1',
          name: { id: 'Kependudukan', en: 'Civil registry' },
          figures: reportFigures(),
        },
      ],
    });
    expect(reportLines(report, i18n.getFixedT('en'), 'en')[0]?.label).toBe('Civil registry');
  });
});

describe('reportCsv', () => {
  beforeEach(() => i18n.changeLanguage('id'));

  test('exports rows by outcome under their names in the UI language, visits with none apart', () => {
    const report = dailyReport({
      groupBy: 'outcome',
      rows: [
        {
          key: 'resolved',
          name: { id: 'Selesai dilayani', en: 'Resolved' },
          figures: reportFigures({ tickets: 4 }),
        },
        { key: '_none', name: null, figures: reportFigures({ tickets: 2 }) },
      ],
    });
    const lines = reportCsv(report, t, 'id').split('\r\n');
    expect(lines[0]).toMatch(/^\ufeffNama;/);
    expect(lines[1]).toMatch(/^Selesai dilayani;4;/);
    expect(lines[2]).toMatch(/^Tanpa hasil tercatat;2;/);
  });

  test('writes a header and one line per row and the total, as an Indonesian spreadsheet reads it', () => {
    const lines = reportCsv(dailyReport(), t, 'id').split('\r\n');
    expect(lines[0]).toMatch(
      /^\uFEFFPeriode;Tiket;Dilayani;Ditinggalkan;Dibatalkan;Panggilan balik;/,
    );
    expect(lines[0]).toContain('Rata-rata waktu jawab (detik)');
    expect(lines[0]).toContain('Tingkat layanan (≤ 20 dtk) (%)');
    expect(lines[1]).toBe('2026-03-02;12;10;1;1;2;16;312;75;50;125;79,17;B;4;;;3,5;;;4;2;;');
    expect(lines[2]).toBe('2026-03-03;0;0;0;0;0;;;;;;;;0;;;;;;;;;');
    expect(lines[3]).toMatch(/^Jumlah;12;/);
    expect(lines).toHaveLength(5);
  });

  test('makes a name that looks like a formula inert', () => {
    const report = dailyReport({
      groupBy: 'officer',
      rows: [
        {
          key: 'u-1',
          name: { id: '=HYPERLINK("x")', en: '=HYPERLINK("x")' },
          figures: reportFigures(),
        },
      ],
    });
    expect(reportCsv(report, t, 'id').split('\r\n')[1]).toMatch(/^"'=HYPERLINK\(""x""\)";/);
  });
});
