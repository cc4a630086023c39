import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Claims of a simulated Management API token. */
export interface Auth0TokenClaims {
  readonly iss: string;
  readonly sub: string;
  readonly aud: string;
  readonly iat: number;
  readonly exp: number;
  readonly scope: string;
  readonly gty: 'client-credentials';
  readonly azp: string;
}

const base64url = (value: Buffer | string): string => Buffer.from(value).toString('base64url');

/**
 * Issues and verifies JWT-shaped access tokens (HS256 with a per-simulator key), so the
 * simulator can check signature, expiry and scopes like the real tenant does.
 */
export class Auth0Tokens {
  private key = randomBytes(32);

  /** Invalidates every token issued so far (as a key rotation would). */
  revokeAll(): void {
    this.key = randomBytes(32);
  }

  /** Signs a token for `clientId` with `scopes`, valid for `expiresInSeconds`. */
  issue(
    issuer: string,
    audience: string,
    clientId: string,
    scopes: readonly string[],
    expiresInSeconds: number,
    nowMs: number,
  ): string {
    const iat = Math.floor(nowMs / 1000);
    const claims: Auth0TokenClaims = {
      iss: issuer,
      sub: `${clientId}@clients`,
      aud: audience,
      iat,
      exp: iat + expiresInSeconds,
      scope: scopes.join(' '),
      gty: 'client-credentials',
      azp: clientId,
    };
    const head = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: 'orgport-sim' }))}.${base64url(JSON.stringify(claims))}`;
    return `${head}.${base64url(createHmac('sha256', this.key).update(head).digest())}`;
  }

  /** Verifies a token: `invalid`, `expired`, or its claims. */
  verify(
    token: string,
    nowMs: number,
  ): { ok: true; claims: Auth0TokenClaims } | { ok: false; reason: 'invalid' | 'expired' } {
    const parts = token.split('.');
    if (parts.length !== 3) return { ok: false, reason: 'invalid' };
    const [header, payload, signature] = parts as [string, string, string];
    const expected = createHmac('sha256', this.key).update(`${header}.${payload}`).digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return { ok: false, reason: 'invalid' };
    let claims: Auth0TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Auth0TokenClaims;
    } catch {
      return { ok: false, reason: 'invalid' };
    }
    if (claims.exp * 1000 <= nowMs) return { ok: false, reason: 'expired' };
    return { ok: true, claims };
  }
}
