import { CompiledQuery, type Compilable, type QueryResult } from 'kysely';
import { isPostgres, type Db } from './database.js';
import { immediateRun } from './dialects/sqlite.js';

type Leaf = string | number | boolean | null | undefined;

/**
 * What a prepared query takes: values, lists of values (`in`), and rows or changes whose fields
 * are values (`values`, `set`).
 */
export type Argument = Leaf | readonly Leaf[] | object;

/** Where a compiled parameter comes from: an argument (or an item or field of one), or the query. */
type Slot = { argument: number; key: string | number | null } | { constant: unknown };

interface Plan {
  sql: string;
  slots: Slot[];
}

const STAND_IN = '\u0000argument ';

/** Strings and numbers are bound as parameters; null, booleans and undefined may steer a query. */
function isBound(leaf: unknown): leaf is string | number {
  return typeof leaf === 'string' || typeof leaf === 'number';
}

function leafShape(leaf: unknown): string {
  if (isBound(leaf)) return '?';
  if (leaf === null || leaf === undefined || typeof leaf === 'boolean') return String(leaf);
  throw new TypeError(`a prepared query cannot take ${typeof leaf} values`);
}

function isRecord(arg: unknown): arg is Record<string, unknown> {
  if (arg === null || typeof arg !== 'object') return false;
  const prototype = Object.getPrototypeOf(arg) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** What makes two calls compile to the same SQL: everything but the bound values. */
function shapeOf(args: readonly Argument[]): string {
  return args
    .map((arg) => {
      if (Array.isArray(arg)) return `[${arg.map(leafShape).join()}]`;
      if (isRecord(arg)) {
        return `{${Object.entries(arg)
          .map(([key, leaf]) => `${key}:${leafShape(leaf)}`)
          .join()}}`;
      }
      return leafShape(arg);
    })
    .join('|');
}

function valueAt(args: readonly Argument[], slot: Slot): unknown {
  if ('constant' in slot) return slot.constant;
  const arg = args[slot.argument];
  return slot.key === null ? arg : (arg as Record<string | number, unknown>)[slot.key];
}

/** Compiles `build` with stand-ins for the bound values, noting where each one went. */
function planOf<A extends Argument[]>(
  db: Db,
  build: (db: Db, ...args: A) => Compilable<unknown>,
  args: A,
): Plan {
  const standIns = new Map<string, Slot>();
  const standIn = (leaf: unknown, argument: number, key: string | number | null) => {
    if (!isBound(leaf)) return leaf;
    const name = `${STAND_IN}${standIns.size}`;
    standIns.set(name, { argument, key });
    return name;
  };
  const stood = args.map((arg, argument) => {
    if (Array.isArray(arg)) return arg.map((leaf: unknown, key) => standIn(leaf, argument, key));
    if (isRecord(arg)) {
      const fields = Object.entries(arg).map(([key, leaf]) => [key, standIn(leaf, argument, key)]);
      return Object.fromEntries(fields) as unknown;
    }
    return standIn(arg, argument, null);
  }) as A;
  const { sql, parameters } = build(db, ...stood).compile();
  if (sql.includes(STAND_IN))
    throw new Error(`a prepared query wrote a value into its SQL: ${sql}`);
  const slots = parameters.map((parameter): Slot => {
    const slot = typeof parameter === 'string' ? standIns.get(parameter) : undefined;
    if (slot) return slot;
    if (typeof parameter === 'string' && parameter.includes(STAND_IN)) {
      throw new Error(`a prepared query changed a value before binding it: ${sql}`);
    }
    return { constant: parameter };
  });
  return { sql, slots };
}

/**
 * The name each prepared query's SQL is prepared under on PostgreSQL, which then parses it once
 * per connection instead of at every run; SQLite's statements are kept by its dialect.
 */
const statementNames = new Map<string, string>();

/** The statement name of a prepared query's PostgreSQL text, if it is one. */
export function preparedStatementName(sql: string): string | undefined {
  return statementNames.get(sql);
}

/**
 * A query built and compiled once for each dialect and shape of its arguments, then run with the
 * values of each call: building and compiling a Kysely query costs more than SQLite takes to run
 * most of ours, and every ticket runs a few dozen. On SQLite, a call that finds the connection
 * free runs its statement at once, outside Kysely; one made in or during a transaction queues.
 *
 * `build` must bind each string and number it is given as a query parameter, unchanged; it may
 * branch on null, booleans and undefined (part of the shape), never on a string or a number. A
 * builder that writes or changes a value is refused when it is first compiled.
 */
export function prepared<A extends Argument[], R>(
  build: (db: Db, ...args: A) => Compilable<R>,
): (db: Db, ...args: A) => Promise<QueryResult<R>> {
  const plans = new Map<string, Plan>();
  return async (db, ...args) => {
    const key = `${isPostgres(db) ? 'postgres' : 'sqlite'}|${shapeOf(args)}`;
    let plan = plans.get(key);
    if (!plan) {
      plan = planOf(db, build, args);
      plans.set(key, plan);
      if (isPostgres(db) && !statementNames.has(plan.sql)) {
        statementNames.set(plan.sql, `loket_${statementNames.size + 1}`);
      }
    }
    const parameters = plan.slots.map((slot) => valueAt(args, slot));
    const now = immediateRun(db)?.(plan.sql, parameters);
    if (now) return now as QueryResult<R>;
    return db.executeQuery(CompiledQuery.raw(plan.sql, parameters) as CompiledQuery<R>);
  };
}
