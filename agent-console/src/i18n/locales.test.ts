import { ErrorCode, NEED_LIST } from '@loket/shared';
import { describe, expect, test } from 'vitest';
import en from './locales/en.json';
import id from './locales/id.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    keys(child, prefix ? `${prefix}.${key}` : key),
  );
}

describe('locales', () => {
  test('English has exactly the keys of Bahasa Indonesia', () => {
    expect(keys(en).sort()).toEqual(keys(id).sort());
  });

  test.each(ErrorCode.options)('both languages translate the shared error code %s', (code) => {
    expect(id.errors).toHaveProperty(code);
    expect(en.errors).toHaveProperty(code);
  });

  test.each(NEED_LIST.map((need) => need.id))('both languages name the need %s', (need) => {
    expect(id.needs[need].label).toBeTruthy();
    expect(en.needs[need].label).toBeTruthy();
  });
});
