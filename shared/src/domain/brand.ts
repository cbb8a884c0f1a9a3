import { z } from 'zod';

/** The largest logo an office may upload, in bytes. */
export const LOGO_MAX_BYTES = 256 * 1024;

/** The image types a logo may be; what the file's first bytes say, never what it claims. */
export type LogoType = 'image/png' | 'image/jpeg' | 'image/webp';

const startsWith = (bytes: Uint8Array, prefix: number[], at = 0) =>
  prefix.every((byte, index) => bytes[at + index] === byte);

/** The image type `bytes` hold, read from their magic bytes; null for anything else. */
export function logoTypeOf(bytes: Uint8Array): LogoType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return 'image/webp';
  return null;
}

const channel = (hex: string, at: number) => {
  const value = parseInt(hex.slice(at, at + 2), 16) / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
};

/** The WCAG contrast ratio of white text on the colour `#rrggbb`. */
export function contrastWithWhite(hex: string): number {
  const luminance = 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
  return 1.05 / (luminance + 0.05);
}

/** A colour as `#rrggbb`: all a kiosk checks before it puts one in its CSS. */
export const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'color' });

/**
 * The office's colour, `#rrggbb`. The kiosk puts white text on it, so it must reach 4.5:1 against
 * white (WCAG 1.4.3); the messages are the keys the console translates.
 */
export const BrandColor = HexColor.refine((hex) => contrastWithWhite(hex) >= 4.5, {
  message: 'contrast',
});

/** The office's own words on the consent screen, per language; empty: the kiosk's own text. */
export const ConsentText = z.object({
  id: z.string().trim().max(1000),
  en: z.string().trim().max(1000),
});
/** The office's own words on the consent screen. */
export type ConsentText = z.infer<typeof ConsentText>;
