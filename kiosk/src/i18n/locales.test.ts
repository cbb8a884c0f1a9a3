import { ErrorCode, NEED_LIST, ROUTING_NEEDS } from '@loket/shared';
import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import id from './locales/id.json';
import chatEn from './chat/en.json';
import chatId from './chat/id.json';
import pagesEn from './pages/en.json';
import pagesId from './pages/id.json';

type Texts = { [key: string]: string | Texts };

/** Every key of a locale, with plural forms folded into their base key. */
function keys(texts: Texts, prefix = ''): string[] {
  const all = Object.entries(texts).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [`${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`]
      : keys(value, `${prefix}${key}.`),
  );
  return [...new Set(all)].sort();
}

describe('locales', () => {
  it('gives every Indonesian text an English translation and nothing more', () => {
    expect(keys(en)).toEqual(keys(id));
  });

  it('gives every Indonesian text of the other pages an English translation and nothing more', () => {
    expect(keys(pagesEn)).toEqual(keys(pagesId));
  });

  it('gives every Indonesian text of the chat an English translation and nothing more', () => {
    expect(keys(chatEn)).toEqual(keys(chatId));
  });

  it('translates every error code the server can send', () => {
    for (const code of ErrorCode.options) {
      expect(id.errors).toHaveProperty(code);
      expect(en.errors).toHaveProperty(code);
    }
  });

  it('names every need of the list, and says how each need that routes is served', () => {
    for (const locale of [id, en]) {
      for (const { id: need } of NEED_LIST) expect(locale.needs[need].label).toBeTruthy();
      for (const need of ROUTING_NEEDS) {
        expect(locale.needs[need]).toEqual({
          label: expect.any(String),
          served: expect.any(String),
          unavailable: expect.any(String),
          onDuty: expect.any(String),
        });
      }
    }
  });
});
