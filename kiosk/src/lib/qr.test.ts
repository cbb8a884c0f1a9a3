import { describe, expect, it } from 'vitest';
import { QUIET_ZONE, qrShape } from './qr';

describe('qrShape', () => {
  it('draws a version-1 code for a short text, with its quiet zone', () => {
    const { size, path } = qrShape('https://wa.me/628119521150');

    expect(size).toBeGreaterThanOrEqual(21 + 2 * QUIET_ZONE);
    // The top-left finder pattern starts right after the quiet zone.
    expect(path.startsWith(`M${QUIET_ZONE} ${QUIET_ZONE}h1v1h-1z`)).toBe(true);
  });

  it('encodes different texts differently', () => {
    expect(qrShape('https://ppid.kemnaker.go.id').path).not.toBe(
      qrShape('mailto:ppid@kemnaker.go.id').path,
    );
  });
});
