import { OrgPortError } from '../errors/orgport-error.js';

/** True for `localhost`, `127.0.0.0/8` and `::1`: the only hosts plain `http:` may reach. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * Parses and checks a vendor base URL: `https:` is required except for loopback hosts,
 * credentials in the URL are refused (they would leak into logs), and a trailing slash is
 * dropped. Throws `invalid_argument` naming `field`.
 */
export function parseBaseUrl(value: unknown, field = 'baseUrl'): URL {
  if (typeof value !== 'string' || value.length === 0) {
    throw new OrgPortError('invalid_argument', `${field} must be a non-empty URL string`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new OrgPortError('invalid_argument', `${field} is not a valid URL`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new OrgPortError('invalid_argument', `${field} must not contain credentials`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new OrgPortError('invalid_argument', `${field} must not contain a query or fragment`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new OrgPortError(
      'invalid_argument',
      `${field} must use https: (plain http: is allowed only for loopback hosts), got http://${url.host}`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new OrgPortError('invalid_argument', `${field} must be an https: URL`);
  }
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}
