import { useMemo } from 'react';
import { qrShape } from '../lib/qr';

/**
 * A QR code as an image with a text alternative. Always dark on white, whatever the contrast
 * setting, because that is what phone cameras read.
 */
export function QrCode({ value, label }: { value: string; label: string }) {
  const { size, path } = useMemo(() => qrShape(value), [value]);
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
      focusable="false"
    >
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
