/** What the list editors need of a shared schema: its check, and the problems it finds. */
interface Checker {
  safeParse(value: unknown):
    | { success: true }
    | {
        success: false;
        error: { issues: { path: PropertyKey[]; message: string; code: string }[] };
      };
}

/** Problems of an edited list: by `<row>.<field>` (`0.en`, `2.code`), or `list` for the whole. */
export type ListProblems = Record<string, string>;

/** The i18n key of a problem: the schema's own message if it is a key, else by its kind. */
function problemKey(issue: { message: string; code: string }): string {
  if (/^[a-z_]+$/.test(issue.message)) return `admin.problems.${issue.message}`;
  if (issue.code === 'too_small') return 'admin.problems.text_missing';
  if (issue.code === 'too_big') return 'admin.problems.text_too_long';
  return 'admin.problems.invalid';
}

/**
 * Checks a body holding one edited list against its shared schema, as the server will. `field`
 * names a row's field from the rest of an issue's path (after the list's key and the row).
 */
export function listProblems(
  schema: Checker,
  body: unknown,
  field: (rest: PropertyKey[]) => string,
): ListProblems {
  const parsed = schema.safeParse(body);
  if (parsed.success) return {};
  const problems: ListProblems = {};
  for (const issue of parsed.error.issues) {
    const [, row, ...rest] = issue.path;
    const at = typeof row === 'number' ? `${row}.${field(rest)}` : 'list';
    problems[at] ??= problemKey(issue);
  }
  return problems;
}
