/** The outcome of asking a state machine to move: the next state, or a refusal. */
export type Transition<S> = { ok: true; next: S } | { ok: false; from: S };

/** Builds a transition function from a table of `event → from → to`. */
export function machine<S extends string, E extends string>(
  table: Record<E, Partial<Record<S, S>>>,
): (from: S, event: E) => Transition<S> {
  return (from, event) => {
    const next = table[event][from];
    return next === undefined ? { ok: false, from } : { ok: true, next };
  };
}
