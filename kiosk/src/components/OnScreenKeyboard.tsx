import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
// Named, not default: the package is a UMD bundle, whose default export bundlers unwrap unevenly.
import { SimpleKeyboard } from 'simple-keyboard';
import 'simple-keyboard/build/css/index.css';
import '../styles/on-screen-keyboard.css';

/**
 * Indonesian and English share the QWERTY letters; the punctuation is what a short comment needs.
 * Shift gives capitals for the next letter only, as a phone's keyboard does.
 */
const LAYOUT = {
  default: [
    '1 2 3 4 5 6 7 8 9 0',
    'q w e r t y u i o p',
    'a s d f g h j k l -',
    "{shift} z x c v b n m ' {bksp}",
    ', . ? ! {space} : / @',
  ],
  shift: [
    '1 2 3 4 5 6 7 8 9 0',
    'Q W E R T Y U I O P',
    'A S D F G H J K L -',
    "{shift} Z X C V B N M ' {bksp}",
    ', . ? ! {space} : / @',
  ],
};

/** Keys whose face alone is no name a screen reader can say. */
const NAMED_KEYS = {
  '{bksp}': 'bksp',
  '{shift}': 'shift',
  '{space}': 'space',
  ',': 'comma',
  '.': 'period',
  '?': 'question',
  '!': 'exclamation',
  '-': 'hyphen',
  "'": 'apostrophe',
  ':': 'colon',
  '/': 'slash',
  '@': 'at',
} as const;

const ALL_KEYS = [...new Set([...LAYOUT.default, ...LAYOUT.shift].join(' ').split(' '))].join(' ');

interface OnScreenKeyboardProps {
  /** A key that types something was pressed: its character. */
  onType: (text: string) => void;
  onDelete: () => void;
  /** Any key was pressed, shift included. */
  onPress: () => void;
}

/**
 * A full on-screen keyboard (simple-keyboard) for a kiosk that has none: every key a real button
 * of at least 48 px with a name in the visitor's language, pressed by a tap or from a keyboard.
 * Holding a key does not repeat it: a trembling finger types one letter at a time.
 */
export default function OnScreenKeyboard({ onType, onDelete, onPress }: OnScreenKeyboardProps) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  const [capitals, setCapitals] = useState(false);
  // The keys are drawn again for capitals: focus goes back to the shift key that was pressed.
  const shifted = useRef(false);
  const press = useEffectEvent((key: string) => {
    onPress();
    if (key === '{shift}') {
      shifted.current = true;
      return setCapitals((on) => !on);
    }
    if (key === '{bksp}') return onDelete();
    onType(key === '{space}' ? ' ' : key);
    setCapitals(false);
  });

  useEffect(() => {
    if (!root.current) return;
    const names = Object.entries(NAMED_KEYS).map(([key, name]) => ({
      attribute: 'aria-label',
      value: t(`survey.comment.key.${name}`),
      buttons: key,
    }));
    const keyboard = new SimpleKeyboard(root.current, {
      layout: LAYOUT,
      layoutName: capitals ? 'shift' : 'default',
      display: { '{bksp}': '⌫', '{shift}': '⇧', '{space}': ' ' },
      theme: 'hg-theme-default osk',
      useButtonTag: true,
      useMouseEvents: true,
      disableButtonHold: true,
      buttonAttributes: [
        { attribute: 'type', value: 'button', buttons: ALL_KEYS },
        { attribute: 'aria-pressed', value: String(capitals), buttons: '{shift}' },
        ...names,
      ],
      onKeyPress: (key: string) => press(key),
    });
    if (shifted.current) {
      shifted.current = false;
      root.current.querySelector<HTMLElement>('[data-skbtn="{shift}"]')?.focus();
    }
    return () => keyboard.destroy();
  }, [t, capitals]);

  // simple-keyboard names its instance after the element's first class.
  return (
    <div
      className="on-screen-keyboard"
      role="group"
      aria-label={t('survey.comment.keyboard')}
      ref={root}
    />
  );
}
