import { expect, type Locator } from '@playwright/test';
import jsqr from 'jsqr';
import { PNG } from 'pngjs';

/** Reads a QR code on screen as a phone camera would: from its pixels, not from the page's code. */
export async function scanQr(code: Locator): Promise<string> {
  await expect(code).toBeVisible();
  const image = PNG.sync.read(await code.screenshot());
  // jsqr is CommonJS: its function is the module's `default` export.
  const found = jsqr.default(new Uint8ClampedArray(image.data), image.width, image.height);
  if (!found) throw new Error('no QR code could be read from the screen');
  return found.data;
}
