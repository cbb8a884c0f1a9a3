import { create } from 'qrcode';

/** Light modules kept around a QR code so phones can find it (the standard asks for 4). */
export const QUIET_ZONE = 4;

/** A QR code as one SVG path: a 1×1 square for every dark module, offset by the quiet zone. */
export interface QrShape {
  /** Width and height in modules, quiet zone included. */
  size: number;
  path: string;
}

/** Encodes `text` (medium error correction) as an SVG path, so no HTML string is ever injected. */
export function qrShape(text: string): QrShape {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  let path = '';
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) path += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`;
    }
  }
  return { size: modules.size + 2 * QUIET_ZONE, path };
}
