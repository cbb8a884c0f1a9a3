import { expect, type Page } from '@playwright/test';

/** The kiosk's smallest touch target, in CSS pixels (WCAG 2.5.8 asks 24; we use 48). */
export const TOUCH_MIN = 48;

/** Everything a finger can activate, native or by role. */
const INTERACTIVE = [
  'button',
  'a[href]',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'summary',
  'video[controls]',
  'audio[controls]',
  '[tabindex]:not([tabindex="-1"])',
  ...[
    'button',
    'link',
    'checkbox',
    'radio',
    'switch',
    'tab',
    'menuitem',
    'menuitemcheckbox',
    'menuitemradio',
    'option',
    'slider',
    'spinbutton',
    'combobox',
    'textbox',
  ].map((role) => `[role="${role}"]`),
].join(', ');

/**
 * Every visible interactive element of the page is at least 48 × 48 CSS px; a failure names each
 * element that is smaller by its role and accessible name, with its size.
 */
export async function expectTouchTargets(page: Page, screen: string): Promise<void> {
  const elements = page.locator(INTERACTIVE);
  const boxes = await elements.evaluateAll((nodes) =>
    nodes.map((node) => {
      const { width, height } = node.getBoundingClientRect();
      const style = getComputedStyle(node);
      const visible =
        width > 0 && height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
      return { visible, width: Math.round(width * 10) / 10, height: Math.round(height * 10) / 10 };
    }),
  );
  const small: string[] = [];
  for (const [index, box] of boxes.entries()) {
    if (!box.visible || (box.width >= TOUCH_MIN && box.height >= TOUCH_MIN)) continue;
    // Role and accessible name as assistive technology computes them, e.g. `button "Close"`.
    const name = (await elements.nth(index).ariaSnapshot()).split('\n')[0]?.replace(/^- /, '');
    small.push(`${name} is ${box.width}×${box.height} px`);
  }
  expect(small, `touch targets under ${TOUCH_MIN}×${TOUCH_MIN} px on ${screen}`).toEqual([]);
}
