import type { Need } from '@loket/shared';

/**
 * A pictogram beside each need's words, so an officer takes in who is coming at a glance. A need
 * added to the list without a pictogram of its own gets the generic one: its words still say it.
 */
const PATHS: Record<string, string> = {
  // An open hand signing.
  sign_language:
    'M7 11V5a1.5 1.5 0 0 1 3 0v5M10 10V3.5a1.5 1.5 0 0 1 3 0V10M13 10V5a1.5 1.5 0 0 1 3 0v7M16 12V8.5a1.5 1.5 0 0 1 3 0V14c0 4-3 7-7 7s-5.5-2-7.5-5L3 13a1.5 1.5 0 0 1 2.5-1.5L7 13',
  // A wheelchair user.
  disability: 'M10 4a1.5 1.5 0 1 0 0 .1M10 7v6h6l3 5M10 10h5M8 10.5a5 5 0 1 0 7 6',
  // A person with a walking stick.
  elderly: 'M11 4a1.5 1.5 0 1 0 0 .1M11 7l-2 6 2 2v6M11 7l3 4 2 1M9 13l-2 8M17 12v9',
  // A pregnant person in profile.
  pregnant: 'M11 3.5a1.5 1.5 0 1 0 0 .1M11 6.5v5c3 0 5 1.5 5 4s-2 3-5 3v3M11 11.5l-2 3M9 21v-5',
};
const GENERIC = 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 8v.1M12 11v6';

/** The pictogram of a need, hidden from assistive technology: the words beside it speak. */
export function NeedIcon({ need }: { need: Need }) {
  return (
    <svg className="need-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[need] ?? GENERIC} />
    </svg>
  );
}
