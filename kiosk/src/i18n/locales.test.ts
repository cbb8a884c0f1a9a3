import { ADMIN_ERROR_CODES, ErrorCode, NEED_LIST, ROUTING_NEEDS } from '@loket/shared';
import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import captionsEn from './captions/en.json';
import captionsId from './captions/id.json';
import chatEn from './chat/en.json';
import chatId from './chat/id.json';
import first from './locales/id.json';
import later from './locales/id-later.json';
import pagesEn from './pages/en.json';
import pagesId from './pages/id.json';
import speechEn from './speech/en.json';
import speechId from './speech/id.json';

type Texts = { [key: string]: string | Texts };

/** Two sets of texts as one, as i18next merges a bundle added later into the one it has. */
function merged(a: Texts, b: Texts): Texts {
  const all: Texts = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const had = all[key];
    all[key] = typeof had === 'object' && typeof value === 'object' ? merged(had, value) : value;
  }
  return all;
}

/** Every Indonesian text of the kiosk: the first screens' and the later screens'. */
const id = merged(first, later) as typeof first & typeof later;

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

  it('gives every Indonesian text of audio guidance an English translation and nothing more', () => {
    expect(keys(speechEn)).toEqual(keys(speechId));
  });

  it('gives every Indonesian text of the captions an English translation and nothing more', () => {
    expect(keys(captionsEn)).toEqual(keys(captionsId));
  });

  it('gives every Indonesian text of the chat an English translation and nothing more', () => {
    expect(keys(chatEn)).toEqual(keys(chatId));
  });

  it('translates every error code the server can send a kiosk', () => {
    for (const code of ErrorCode.options.filter(
      (code) => !(ADMIN_ERROR_CODES as readonly ErrorCode[]).includes(code),
    )) {
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
