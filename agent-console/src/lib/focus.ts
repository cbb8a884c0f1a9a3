/** Moves focus to the page's main heading, for when the focused part of the page went away. */
export function focusPageHeading(): void {
  document.querySelector<HTMLElement>('main h1')?.focus();
}
