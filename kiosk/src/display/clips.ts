import type { Language } from '@loket/shared';

/** The phrases recorded for each language (scripts/display-voice.sh), around a ticket's number. */
export const PHRASES = ['ticket', 'return'] as const;

/** The characters a ticket number is read out with, one clip each. */
export const SPOKEN_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * The clips that announce a ticket in a language, in order: "ticket", each letter and digit of
 * its number one by one (the dash is not read), "please return to your kiosk". Characters with
 * no clip are left out rather than guessed.
 */
export function clipsFor(number: string, language: Language, base: string): string[] {
  const characters = [...number.toUpperCase()].filter((c) => SPOKEN_CHARACTERS.includes(c));
  return ['ticket', ...characters, 'return'].map(
    (name) => `${base}voice/${language}/${name.toLowerCase()}.ogg`,
  );
}

/** A ticket number as a speech engine should read it: one character at a time. */
export function spokenNumber(number: string): string {
  return [...number].filter((c) => c !== '-').join(' ');
}
