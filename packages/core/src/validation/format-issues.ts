import type { z } from 'zod';

/** `members[3].email` style rendering of a zod issue path. */
export function formatIssuePath(path: readonly PropertyKey[], root = ''): string {
  let out = root;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * One line naming the first few failing fields of a zod error, e.g.
 * `members[3].email: expected string, received number`.
 */
export function formatIssues(error: z.ZodError, root = '', max = 3): string {
  const parts = error.issues
    .slice(0, max)
    .map((issue) => `${formatIssuePath(issue.path, root)}: ${issue.message}`);
  const more = error.issues.length > max ? ` (and ${error.issues.length - max} more)` : '';
  return parts.join('; ') + more;
}
