import { expect, type Locator, type Page } from '@playwright/test';

/** Where a control sits on the screen as the visitor sees it, and whether anything covers it. */
interface Placement {
  top: number;
  bottom: number;
  left: number;
  right: number;
  viewportWidth: number;
  viewportHeight: number;
  covered: boolean;
}

async function placement(control: Locator): Promise<Placement> {
  return control.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const hit = document.elementFromPoint(x, y);
    return {
      top: box.top,
      bottom: box.bottom,
      left: box.left,
      right: box.right,
      viewportWidth: window.innerWidth,
      viewportHeight: window.innerHeight,
      covered: !hit || !(element === hit || element.contains(hit) || hit.contains(element)),
    };
  });
}

/**
 * The screen as it first appears: scrolled to its top, as a visitor who never scrolls sees it.
 * (Clicking a control may have scrolled the page before this screen came.)
 */
export async function atTop(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.querySelector('main')?.scrollTo(0, 0);
  });
}

/**
 * Each control is wholly on screen without scrolling and nothing (the toolbar, a banner) lies on
 * top of it; with `lowerPart`, each lies in the lower 40 % of the screen and the lowest near its
 * foot (below 80 % of its height), within reach of a seated visitor.
 */
export async function expectOnScreen(
  page: Page,
  screen: string,
  controls: Locator[],
  { lowerPart = false } = {},
): Promise<void> {
  await atTop(page);
  let lowest = 0;
  for (const control of controls) {
    await expect(control).toBeVisible();
    const where = await placement(control);
    lowest = Math.max(lowest, where.bottom / where.viewportHeight);
    const name = `${screen}: ${await control.evaluate((e) => e.getAttribute('aria-label') ?? e.textContent?.trim())}`;
    expect.soft(where.top, `${name} starts on screen`).toBeGreaterThanOrEqual(0);
    expect.soft(where.left, `${name} starts on screen`).toBeGreaterThanOrEqual(0);
    expect.soft(where.bottom, `${name} ends on screen`).toBeLessThanOrEqual(where.viewportHeight);
    expect.soft(where.right, `${name} ends on screen`).toBeLessThanOrEqual(where.viewportWidth);
    expect.soft(where.covered, `${name} is not covered`).toBe(false);
    if (lowerPart)
      expect
        .soft(where.top, `${name} is in the lower 40 %`)
        .toBeGreaterThanOrEqual(where.viewportHeight * 0.6);
  }
  if (lowerPart)
    expect
      .soft(lowest, `${screen}: the controls reach down to the foot of the screen`)
      .toBeGreaterThanOrEqual(0.8);
}

/** How much of the screen a video's picture fills: the part of its frame shown, in px. */
export async function shownPicture(
  video: Locator,
): Promise<{ width: number; height: number; viewportWidth: number; viewportHeight: number }> {
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth), {
      message: 'the video has a picture',
    })
    .toBeGreaterThan(0);
  return video.evaluate((v: HTMLVideoElement) => {
    const box = v.getBoundingClientRect();
    const fit = getComputedStyle(v).objectFit;
    const scale =
      fit === 'cover'
        ? Math.max(box.width / v.videoWidth, box.height / v.videoHeight)
        : Math.min(box.width / v.videoWidth, box.height / v.videoHeight);
    // The picture, scaled, then cut to the element's box (cover) or letterboxed inside it.
    const width = Math.min(box.width, v.videoWidth * scale);
    const height = Math.min(box.height, v.videoHeight * scale);
    const top = Math.max(0, box.top + (box.height - height) / 2);
    const bottom = Math.min(window.innerHeight, box.top + (box.height + height) / 2);
    const left = Math.max(0, box.left + (box.width - width) / 2);
    const right = Math.min(window.innerWidth, box.left + (box.width + width) / 2);
    return {
      width: right - left,
      height: bottom - top,
      viewportWidth: window.innerWidth,
      viewportHeight: window.innerHeight,
    };
  });
}
