import { describe, expect, test } from 'vitest';
import { BrandColor, contrastWithWhite, logoTypeOf } from './brand.js';

describe('brand colour', () => {
  test.each([
    ['#0b5394', true],
    ['#7a1f3d', true],
    ['#767676', true],
    ['#777777', false],
    ['#ffcc00', false],
    ['#ffffff', false],
  ])('%s with white text passes 4.5:1: %s', (hex, readable) => {
    expect(BrandColor.safeParse(hex).success).toBe(readable);
  });

  test('black against white is the largest contrast, 21:1', () => {
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 5);
  });

  test('a colour that is not #rrggbb is refused as such', () => {
    expect(BrandColor.safeParse('red').error?.issues[0]?.message).toBe('color');
  });
});

describe('logo type', () => {
  const bytes = (...parts: (number[] | string)[]) =>
    new Uint8Array(
      parts.flatMap((part) =>
        typeof part === 'string' ? [...new TextEncoder().encode(part)] : part,
      ),
    );

  test('PNG, JPEG and WebP are read from their first bytes', () => {
    expect(logoTypeOf(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(logoTypeOf(bytes([0xff, 0xd8, 0xff, 0xdb]))).toBe('image/jpeg');
    expect(logoTypeOf(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('image/webp');
  });

  test('text, SVG, GIF, a RIFF that is not WebP and an empty file are not logos', () => {
    for (const file of [
      bytes('hello'),
      bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      bytes('GIF89a'),
      bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '),
      bytes(),
    ]) {
      expect(logoTypeOf(file)).toBeNull();
    }
  });
});
