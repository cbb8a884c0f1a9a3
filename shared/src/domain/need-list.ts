/**
 * Everything a visitor can declare at the kiosk, in the order the kiosk offers it. This list is
 * the one place a need is defined: the contract's limits, routing, what is stored, the kiosk's
 * choices and the console's labels all follow from it (each app names a need in its locales,
 * under `needs.<id>`).
 */
export const NEED_LIST = [
  {
    id: 'sign_language',
    /** Only officers who sign BISINDO are offered the ticket. */
    requires: ['bisindo'],
    priority: false,
    /** Sign language needs motion more than detail: the call's video keeps its frame rate. */
    signing: true,
  },
  // Priority service, as Indonesian public service gives it.
  { id: 'disability', requires: [], priority: true, signing: false },
  { id: 'elderly', requires: [], priority: true, signing: false },
  { id: 'pregnant', requires: [], priority: true, signing: false },
] as const satisfies readonly NeedDefinition[];

/** One need a visitor can declare. */
export interface NeedDefinition {
  /** Stored with the ticket and sent over the wire; never renamed once in use. */
  id: string;
  /** Skills an officer must hold to be offered the ticket of a visitor with this need. */
  requires: readonly string[];
  /** Whether it puts the visitor in the priority lane. */
  priority: boolean;
  /** Whether the call's video keeps its frame rate over its resolution. */
  signing: boolean;
}
