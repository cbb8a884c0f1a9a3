/** The focused control as guidance describes it. */
export interface Control {
  /** Its accessible name: what a screen reader would call it. */
  name: string;
  /** The question or group it answers (a survey question's legend), if any. */
  group: string | null;
  /** Whether it is chosen (a radio button) or switched on (a toggle); null for a plain control. */
  state: 'selected' | 'notSelected' | 'on' | 'off' | null;
}

/** What guidance looks at: the screen's heading and the focused control. */
export interface Scene {
  heading: string | null;
  control: Control | null;
}

/** The words for a control's state, in the visitor's language. */
export type StateWords = Record<NonNullable<Control['state']>, string>;

function describe(control: Control, words: StateWords): string {
  return control.state ? `${control.name}, ${words[control.state]}` : control.name;
}

/**
 * What to say when the scene changes from `before` to `after`, in order: a new screen's heading,
 * then the question a control belongs to when focus enters it, then the control and its state.
 * The heading itself taking focus is not said twice; nothing changed says nothing.
 */
export function utterances(before: Scene | null, after: Scene, words: StateWords): string[] {
  const said: string[] = [];
  const newScreen = after.heading !== null && after.heading !== before?.heading;
  if (newScreen) said.push(after.heading as string);
  const control = after.control;
  if (!control || control.name === '' || (control.name === after.heading && !control.state)) {
    return said;
  }
  const previous = newScreen ? null : before?.control;
  if (control.group && control.group !== previous?.group) said.push(control.group);
  const unchanged = previous && previous.name === control.name && previous.state === control.state;
  if (!unchanged) said.push(describe(control, words));
  return said;
}
