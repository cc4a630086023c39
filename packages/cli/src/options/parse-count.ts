import { OrgPortError } from '@orgport/core/errors';

/**
 * A whole-number option (`--limit 20`), refused with `invalid_argument` naming the option
 * unless it is an integer from `min` to `max` written as digits (`abc`, `-5`, `1e3`, `2.5`
 * are refused).
 */
export function parseCount(value: string, option: string, min: number, max: number): number {
  const parsed = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max)
    throw new OrgPortError(
      'invalid_argument',
      `${option} must be a whole number from ${min} to ${max} (got "${value}")`,
    );
  return parsed;
}
