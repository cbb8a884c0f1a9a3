import { sql, type RawBuilder } from 'kysely';

/**
 * A LIMIT written into the statement rather than bound as a parameter. SQLite's planner reads a
 * bound LIMIT's value, so binding one expires the prepared statement and every run compiles it
 * again: a kiosk's active ticket took 16–20 µs to read with the limit bound and 3–4 µs with it
 * written. Only for counts the server chooses, never for one a client sent.
 */
export function writtenLimit(rows: number): RawBuilder<number> {
  if (!Number.isSafeInteger(rows) || rows < 0) {
    throw new RangeError(`a limit is a whole number of rows, not ${rows}`);
  }
  return sql.lit(rows);
}
