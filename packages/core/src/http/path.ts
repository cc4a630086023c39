import { OrgPortError } from '../errors/orgport-error.js';

/**
 * Builds a request path from a template, percent-encoding every interpolated value as one
 * path segment. Empty values, `.` and `..` are refused, so no id can ever change which
 * resource a request reaches.
 *
 * @example
 * ```ts
 * path`/organizations/${orgId}/members/${userId}/roles` // → /organizations/org_1/members/auth0%7C42/roles
 * ```
 */
export function path(strings: TemplateStringsArray, ...values: readonly (string | number)[]): string {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    const text = String(value);
    if (text === '' || text === '.' || text === '..') {
      throw new OrgPortError('invalid_argument', `path segment ${index + 1} must not be "${text}"`);
    }
    out += encodeURIComponent(text) + (strings[index + 1] ?? '');
  });
  return out;
}
