/** What the form needs of a shared schema: its check, and the problems it finds. */
interface Checker {
  safeParse(
    value: unknown,
  ):
    | { success: true }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

/** Problems of a form, by field: the i18n key of what is wrong with each. */
export type FieldErrors = Record<string, string>;

/**
 * Checks a form against its shared schema, as the server will: each field's first problem, as
 * the key `admin.problems.<message>` (the schemas' messages are keys), or a general one.
 */
export function fieldErrors(schema: Checker, value: unknown): FieldErrors {
  const parsed = schema.safeParse(value);
  if (parsed.success) return {};
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= /^[a-z_]+$/.test(issue.message)
      ? `admin.problems.${issue.message}`
      : 'admin.problems.invalid';
  }
  return errors;
}
