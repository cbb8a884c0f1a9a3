import { NEED_LIST, type NeedDefinition } from './need-list.js';
import type { Need } from './needs.js';

// Kept apart from the needs' schemas so that a screen asking what a need means loads no zod.

type Listed = (typeof NEED_LIST)[number];

/** A need that decides who may serve the visitor: it requires skills. */
export type RoutingNeed = Extract<Listed, { requires: readonly [string, ...string[]] }>['id'];

/** A need that gives priority service. */
export type PriorityNeed = Extract<Listed, { priority: true }>['id'];

/** Every need's id, in the list's order. */
export const NEED_IDS = NEED_LIST.map((need) => need.id) as [Need, ...Need[]];

const BY_ID = new Map<string, NeedDefinition>(NEED_LIST.map((need) => [need.id, need]));

/** What the list says of a need. */
export function needOf(need: Need): NeedDefinition {
  return BY_ID.get(need)!;
}

/** The needs in the list's order, each once; anything the list does not hold is left out. */
export function knownNeeds(ids: Iterable<string>): Need[] {
  const wanted = new Set(ids);
  return NEED_IDS.filter((id) => wanted.has(id));
}

/** Needs that decide who may serve the visitor (they require skills), in the list's order. */
export const ROUTING_NEEDS = NEED_IDS.filter(
  (id) => needOf(id).requires.length > 0,
) as readonly RoutingNeed[];

/** Needs that give priority service, in the list's order. */
export const PRIORITY_NEEDS = NEED_IDS.filter(
  (id) => needOf(id).priority,
) as readonly PriorityNeed[];

/** Whether a need decides who may serve the visitor. */
export function isRoutingNeed(need: Need): need is RoutingNeed {
  return needOf(need).requires.length > 0;
}

/** Whether any of the needs puts the visitor in the priority lane. */
export function givesPriority(needs: readonly Need[]): boolean {
  return needs.some((need) => needOf(need).priority);
}

/** Whether the call's video keeps its frame rate for any of the needs (sign language). */
export function needsSigningVideo(needs: readonly Need[]): boolean {
  return needs.some((need) => needOf(need).signing);
}
