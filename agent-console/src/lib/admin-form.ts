/** What the shared schemas say is wrong, by field; each value is a key under `admin.problem`. */
export type Problems = Record<string, string>;

/** The problems the console has words for; any other schema message reads as "not valid". */
const KNOWN = new Set([
  'required',
  'timeZone',
  'letter',
  'time',
  'endBeforeStart',
  'overlap',
  'duplicate',
  'color',
  'contrast',
]);

/** One issue as a shared schema's `safeParse` reports it. */
export interface Issue {
  path: PropertyKey[];
  message: string;
}

/**
 * The first problem of each field a schema's issues name, the field being the issue's path cut
 * to `depth` parts (e.g. `name.id`, `weekly.3`).
 */
export function problemsOf(issues: readonly Issue[], depth = 2): Problems {
  const problems: Problems = {};
  for (const issue of issues) {
    const field = issue.path.slice(0, depth).map(String).join('.');
    problems[field] ??= KNOWN.has(issue.message) ? issue.message : 'invalid';
  }
  return problems;
}
