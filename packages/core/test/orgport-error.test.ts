import { describe, expect, it } from 'vitest';
import { OrgPortError } from '../src/errors/orgport-error.js';
import { toOrgPortError } from '../src/errors/to-orgport-error.js';

describe('OrgPortError', () => {
  it('is recognised by code', () => {
    const error = new OrgPortError('not_found', 'No organization', { vendor: 'auth0', status: 404 });
    expect(OrgPortError.is(error)).toBe(true);
    expect(OrgPortError.is(error, 'not_found')).toBe(true);
    expect(OrgPortError.is(error, 'internal')).toBe(false);
    expect(error.toJSON()).toEqual({
      name: 'OrgPortError',
      code: 'not_found',
      message: 'No organization',
      vendor: 'auth0',
      status: 404,
    });
  });

  it('rejects look-alikes without the brand', () => {
    const fake = Object.assign(new Error('x'), { code: 'not_found', name: 'OrgPortError' });
    expect(OrgPortError.is(fake)).toBe(false);
    expect(OrgPortError.is(null)).toBe(false);
    expect(OrgPortError.is('not_found')).toBe(false);
  });

  it('is recognised across two copies of the package', async () => {
    // A query string makes the module loader evaluate a second, independent copy.
    const copy = (await import(
      // @ts-expect-error: the query string is for the module loader; the types are the same module's.
      '../src/errors/orgport-error.ts?second-copy'
    )) as typeof import('../src/errors/orgport-error.js');
    expect(copy.OrgPortError).not.toBe(OrgPortError);
    const foreign = new copy.OrgPortError('rate_limited', 'slow down', { retryAfterMs: 1000 });
    expect(foreign instanceof OrgPortError).toBe(false);
    expect(OrgPortError.is(foreign, 'rate_limited')).toBe(true);
    expect(copy.OrgPortError.is(new OrgPortError('timeout', 't'), 'timeout')).toBe(true);
    expect(toOrgPortError(foreign)).toBe(foreign);
  });

  it('wraps foreign errors as internal and aborts as cancelled, keeping the cause', () => {
    const cause = new TypeError('boom');
    const wrapped = toOrgPortError(cause, 'memory');
    expect(wrapped.code).toBe('internal');
    expect(wrapped.cause).toBe(cause);
    expect(wrapped.vendor).toBe('memory');
    const controller = new AbortController();
    controller.abort();
    expect(toOrgPortError(controller.signal.reason).code).toBe('cancelled');
  });
});
