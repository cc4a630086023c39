import type { z } from 'zod';
import { OrgPortError } from '../errors/orgport-error.js';
import { formatIssues } from '../validation/format-issues.js';

/**
 * Parses `value` with `schema` or throws `invalid_argument` naming the field, e.g.
 * `members.add: userIds[2]: must not be empty`.
 */
export function validateInput<S extends z.ZodType>(
  operation: string,
  field: string,
  schema: S,
  value: unknown,
  vendor?: string,
): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new OrgPortError('invalid_argument', `${operation}: ${formatIssues(result.error, field)}`, {
    vendor,
    meta: { field },
  });
}
