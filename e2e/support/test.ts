import { test as base } from '@playwright/test';

export {
  expect,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from '@playwright/test';

/**
 * Playwright's `test`, closing every browser context a test opened once it ends, passed or
 * failed. Left open, their pages keep rendering video and retrying servers that have stopped, and
 * the browser tests after them run on a loaded machine; an officer's console left open would also
 * be offered the next test's visitors. Contexts opened before the test (in `beforeAll`) stay.
 */
export const test = base.extend<{ closeOwnContexts: void }>({
  closeOwnContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      const own = browser.contexts().filter((context) => !before.has(context));
      await Promise.all(own.map((context) => context.close()));
    },
    { auto: true },
  ],
});
