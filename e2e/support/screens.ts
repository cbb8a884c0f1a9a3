import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { expectTouchTargets } from './touch-targets.js';

const SCREENSHOTS = path.resolve('test-output/screenshots');
fs.mkdirSync(SCREENSHOTS, { recursive: true });

/** Whether the page is the kiosk app (served under /kiosk/). */
function isKiosk(page: Page): boolean {
  return new URL(page.url()).pathname.startsWith('/kiosk/');
}

/**
 * Checks a screen as it stands: axe finds no WCAG 2.2 AA violation, a screenshot is kept for
 * people to look at, and on the kiosk every visible control is a touch target of ≥ 48 × 48 px.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${name}`).toEqual([]);
  if (isKiosk(page)) await expectTouchTargets(page, name);
}
