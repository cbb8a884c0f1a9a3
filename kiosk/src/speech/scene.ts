import type { Control, Scene } from './utterances';

const text = (element: Element | null | undefined): string =>
  (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Text of an element without the parts hidden from assistive technology (icons, faces). */
function visibleText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return text(copy);
}

/** A simplified accessible name: enough for the kiosk's own controls, which all carry one. */
function nameOf(element: HTMLElement): string {
  const label = element.getAttribute('aria-label');
  if (label) return label.trim();
  const ids = element.getAttribute('aria-labelledby');
  if (ids)
    return ids
      .split(/\s+/)
      .map((id) => text(document.getElementById(id)))
      .join(' ');
  const labels = 'labels' in element ? (element as HTMLInputElement).labels : null;
  if (labels?.length) return Array.from(labels, visibleText).join(' ');
  return visibleText(element);
}

function stateOf(element: HTMLElement): Control['state'] {
  if (element instanceof HTMLInputElement && element.type === 'radio') {
    return element.checked ? 'selected' : 'notSelected';
  }
  const pressed = element.getAttribute('aria-pressed');
  if (pressed === null) return null;
  return pressed === 'true' ? 'on' : 'off';
}

/**
 * What guidance looks at now: the open dialog's title or else the screen's heading, and the
 * focused control with the legend of the question it belongs to.
 */
export function readScene(root: Document = document): Scene {
  const dialog = root.querySelector('dialog[open]');
  const heading = dialog ? dialog.querySelector('h2') : root.querySelector('main h1');
  const focused = root.activeElement;
  const control =
    focused instanceof HTMLElement && focused !== root.body
      ? {
          name: nameOf(focused),
          group: text(focused.closest('fieldset')?.querySelector('legend')) || null,
          state: stateOf(focused),
        }
      : null;
  return { heading: heading ? text(heading) : null, control };
}
