import { OrgPortError } from '../errors/orgport-error.js';
import { cancelledBy } from '../errors/to-orgport-error.js';
import type { Clock } from '../time/clock.js';
import { systemClock } from '../time/system-clock.js';

/**
 * Adds credentials to requests. `secrets()` lists every secret the provider knows
 * (current token, password, client secret) so the transport can redact them from every
 * message and event.
 */
export interface AuthProvider {
  /** The headers to add to a request, e.g. `{ authorization: 'Bearer …' }`. */
  headers(signal?: AbortSignal): Promise<Readonly<Record<string, string>>>;
  /** Drops a cached credential after a 401 so the next `headers()` fetches a fresh one. */
  invalidate?(): void;
  /** Secrets to redact; called whenever a message is built. */
  secrets(): readonly string[];
}

/** HTTP Basic authentication. */
export function basicAuth(username: string, password: string): AuthProvider {
  if (typeof username !== 'string' || username === '') {
    throw new OrgPortError('invalid_argument', 'username must be a non-empty string');
  }
  if (typeof password !== 'string' || password === '') {
    throw new OrgPortError('invalid_argument', 'password must be a non-empty string');
  }
  const encoded = Buffer.from(`${username}:${password}`).toString('base64');
  const headers = Object.freeze({ authorization: `Basic ${encoded}` });
  return {
    headers: async () => headers,
    secrets: () => [password, encoded],
  };
}

/** A fixed bearer token (no refresh). */
export function staticBearer(token: string): AuthProvider {
  if (typeof token !== 'string' || token === '') {
    throw new OrgPortError('invalid_argument', 'token must be a non-empty string');
  }
  const headers = Object.freeze({ authorization: `Bearer ${token}` });
  return { headers: async () => headers, secrets: () => [token] };
}

/** A token as an identity provider issues it. */
export interface IssuedToken {
  /** The bearer token. */
  readonly accessToken: string;
  /** Lifetime in seconds from now. */
  readonly expiresInSeconds: number;
}

/** Options of {@link bearerTokenProvider}. */
export interface BearerTokenProviderOptions {
  /** Fetches a new token (e.g. a client-credentials grant). */
  readonly fetchToken: (signal?: AbortSignal) => Promise<IssuedToken>;
  /** Refresh this long before expiry. Default 10 000 ms. */
  readonly refreshBeforeExpiryMs?: number;
  /** Secrets besides the token itself (e.g. the client secret) to redact. */
  readonly extraSecrets?: readonly string[];
  /** Clock, injectable for tests. */
  readonly clock?: Clock | undefined;
}

/** Waits for a shared promise, giving up (with `cancelled`) only when this caller's signal fires. */
function waitUnlessAborted<T>(shared: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return shared;
  if (signal.aborted) return Promise.reject(cancelledBy(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelledBy(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    shared.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * A bearer token that is fetched on first use, cached, refreshed shortly before it
 * expires, and fetched by one request at a time however many callers wait for it
 * (single flight).
 */
export function bearerTokenProvider(options: BearerTokenProviderOptions): AuthProvider {
  const { fetchToken, refreshBeforeExpiryMs = 10_000, extraSecrets = [], clock = systemClock } = options;
  const now = (): number => clock.now();
  let token: string | undefined;
  let expiresAtMs = 0;
  let inFlight: Promise<string> | undefined;
  const knownTokens: string[] = [];

  // The fetch is shared by every caller waiting for a token, so it runs under no caller's
  // signal: one caller cancelling must not fail the others. Each caller stops waiting on
  // its own signal only.
  const refresh = (signal?: AbortSignal): Promise<string> => {
    inFlight ??= (async () => {
      try {
        const issued = await fetchToken(undefined);
        token = issued.accessToken;
        knownTokens.push(issued.accessToken);
        if (knownTokens.length > 4) knownTokens.shift();
        expiresAtMs = now() + issued.expiresInSeconds * 1000;
        return issued.accessToken;
      } finally {
        inFlight = undefined;
      }
    })();
    return waitUnlessAborted(inFlight, signal);
  };

  // The headers of the current token, built once per token (not once per request).
  let cached: { readonly token: string; readonly headers: Readonly<Record<string, string>> } | undefined;
  const headersOf = (current: string): Readonly<Record<string, string>> => {
    if (cached?.token !== current)
      cached = { token: current, headers: Object.freeze({ authorization: `Bearer ${current}` }) };
    return cached.headers;
  };

  return {
    async headers(signal) {
      const current =
        token !== undefined && now() < expiresAtMs - refreshBeforeExpiryMs ? token : await refresh(signal);
      return headersOf(current);
    },
    invalidate() {
      token = undefined;
      expiresAtMs = 0;
    },
    secrets: () => [...extraSecrets, ...knownTokens],
  };
}
