const KEY = 'loket.display.sound';

/** Whether the display's call-out sound is wanted: on unless staff turned it off on this TV. */
export function soundWanted(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

/** Remembers the sound switch on this TV, across reloads. */
export function rememberSound(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // A browser without storage keeps the choice until the page reloads.
  }
}
