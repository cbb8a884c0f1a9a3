import { expect, test } from 'vitest';
import { formatsByZone } from './zone-formats.js';

test('each time zone gets its own formatter, made once and given again', () => {
  const days = formatsByZone('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
  const at = Date.UTC(2026, 0, 1, 20, 0);

  const jakarta = days('Asia/Jakarta');

  expect(jakarta.format(at)).toBe('2026-01-02');
  expect(days('UTC').format(at)).toBe('2026-01-01');
  expect(days('Asia/Jakarta')).toBe(jakarta);
});
