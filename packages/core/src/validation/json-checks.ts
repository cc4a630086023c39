/**
 * Small predicates over parsed JSON, for in-place wire checks (`HttpRequest.validate`): they
 * narrow without copying, so a check of a large answer allocates nothing.
 */

/** A JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Absent or `null` (zod's `.nullish()`). */
export function isNullish(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

/** A string, absent or `null` (zod's `z.string().nullish()`). */
export function isNullishString(value: unknown): value is string | null | undefined {
  return isNullish(value) || typeof value === 'string';
}
