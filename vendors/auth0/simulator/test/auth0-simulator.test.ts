import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Auth0Simulator, startAuth0Simulator } from '../src/index.js';

let sim: Auth0Simulator;
let token: string;
beforeAll(async () => {
  sim = await startAuth0Simulator({ seed: 3, fixtures: { seed: 3, organizations: 3, membersPerOrg: 5 } });
  const response = await fetch(`${sim.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: sim.clientId,
      client_secret: sim.clientSecret,
      audience: sim.audience,
    }),
  });
  token = ((await response.json()) as { access_token: string }).access_token;
});
afterAll(() => sim.close());

const api = async (path: string, init: RequestInit = {}) => {
  const response = await fetch(`${sim.url}/api/v2${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? undefined : (JSON.parse(text) as unknown),
  };
};
const orgId = () => [...sim.store.organizations.keys()][0] as string;

describe('auth0 simulator wire behaviour (reference §7)', () => {
  it('issues JWT-shaped tokens with expiry and scopes', () => {
    const [, payload] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(claims.gty).toBe('client-credentials');
    expect(claims.sub).toBe(`${sim.clientId}@clients`);
    expect(String(claims.scope)).toContain('read:organization_members');
    expect(Number(claims.exp) - Number(claims.iat)).toBe(86_400);
  });

  it('refuses bad credentials and wrong audiences at the token endpoint', async () => {
    const bad = await fetch(`${sim.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: sim.clientId,
        client_secret: 'nope',
        audience: sim.audience,
      }),
    });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: 'access_denied', error_description: 'Unauthorized' });
  });

  it('answers 401 without a valid token and 403 insufficient_scope naming the scope', async () => {
    expect((await fetch(`${sim.url}/api/v2/organizations`)).status).toBe(401);
    const narrow = sim.issueToken({ scopes: ['read:organizations'] });
    const response = await fetch(`${sim.url}/api/v2/organizations/${orgId()}/members`, {
      headers: { authorization: `Bearer ${narrow}` },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'Insufficient scope, expected any of: read:organization_members',
      errorCode: 'insufficient_scope',
    });
  });

  it('serves three list shapes: bare array, offset envelope, checkpoint envelope', async () => {
    expect(Array.isArray((await api('/organizations')).body)).toBe(true);
    expect((await api('/organizations?include_totals=true&per_page=2')).body).toMatchObject({
      start: 0,
      limit: 2,
      total: 3,
    });
    const checkpoint = (await api('/organizations?take=2&include_totals=true')).body as Record<
      string,
      unknown
    >;
    expect(Object.keys(checkpoint).sort()).toEqual(['next', 'organizations']);
  });

  it('ends organization walks on a short page without next, member walks on an empty page', async () => {
    const first = (await api('/organizations?take=2')).body as { next: string };
    const last = (await api(`/organizations?take=2&from=${first.next}`)).body as Record<string, unknown>;
    expect(last).not.toHaveProperty('next');
    const page = (await api(`/organizations/${orgId()}/members?take=100`)).body as {
      members: unknown[];
      next: string;
    };
    expect(page.members).toHaveLength(5);
    expect(page.next).toBeDefined();
    expect((await api(`/organizations/${orgId()}/members?take=100&from=${page.next}`)).body).toEqual({
      members: [],
    });
  });

  it('refuses offset paging past 1000 records and page sizes over 100', async () => {
    const capped = await api('/organizations?page=10&per_page=100');
    expect(capped.status).toBe(400);
    expect((capped.body as { errorCode: string }).errorCode).toBe('invalid_paging');
    const big = await api('/organizations?per_page=1000');
    expect((big.body as { errorCode: string }).errorCode).toBe('invalid_query_string');
  });

  it('sends invitation envelopes without total, and limit equal to the items returned', async () => {
    const created = await api(`/organizations/${orgId()}/invitations`, {
      method: 'POST',
      body: JSON.stringify({
        inviter: { name: 'A' },
        invitee: { email: 'x@example.com' },
        client_id: sim.clientId,
      }),
    });
    expect(created.status).toBe(201);
    const invitation = created.body as Record<string, string>;
    expect(Date.parse(invitation.expires_at as string) - Date.parse(invitation.created_at as string)).toBe(
      604_800_000,
    );
    expect(invitation.ticket_id).toHaveLength(32);
    expect((await api(`/organizations/${orgId()}/invitations?include_totals=true&per_page=50`)).body).toEqual(
      { invitations: [invitation], start: 0, limit: 1 },
    );
  });

  it('validates bodies like Auth0 and answers conflicts with 409', async () => {
    expect(
      (await api('/organizations', { method: 'POST', body: JSON.stringify({ name: 'Bad Name' }) })).status,
    ).toBe(400);
    expect(
      (
        (await api('/organizations', { method: 'POST', body: JSON.stringify({ name: 'ok', extra: 1 }) }))
          .body as { errorCode: string }
      ).errorCode,
    ).toBe('invalid_body');
    const taken = sim.store.organizations.get(orgId())?.name;
    const conflict = await api('/organizations', { method: 'POST', body: JSON.stringify({ name: taken }) });
    expect(conflict.body).toMatchObject({ statusCode: 409, errorCode: 'organization_conflict' });
    expect(
      (
        await api(`/organizations/${orgId()}/members`, {
          method: 'POST',
          body: JSON.stringify({ members: Array.from({ length: 11 }, (_, n) => `u${n}`) }),
        })
      ).status,
    ).toBe(400);
  });

  it('answers 204 with an empty body, omits unset fields, and 404s a repeated delete', async () => {
    const created = (
      await api('/organizations', { method: 'POST', body: JSON.stringify({ name: 'temp-org' }) })
    ).body as Record<string, unknown>;
    expect(Object.keys(created).sort()).toEqual(['id', 'name']);
    const deleted = await api(`/organizations/${created.id}`, { method: 'DELETE' });
    expect([deleted.status, deleted.body]).toEqual([204, undefined]);
    expect((await api(`/organizations/${created.id}`, { method: 'DELETE' })).body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'No organization found by that id or name',
    });
  });

  it('sends X-RateLimit headers with a reset in epoch seconds on every API response', async () => {
    const { headers } = await api('/organizations');
    expect(Number(headers.get('x-ratelimit-limit'))).toBeGreaterThan(0);
    expect(headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
    expect(Math.abs(Number(headers.get('x-ratelimit-reset')) - Date.now() / 1000)).toBeLessThan(5);
  });

  it('percent-decodes user ids in paths', async () => {
    const userId = sim.store.memberIds(orgId())[0] as string;
    expect(userId).toMatch(/^auth0\|[0-9a-f]{24}$/);
    const response = await api(`/users/${encodeURIComponent(userId)}/organizations`);
    expect((response.body as { id: string }[]).map((o) => o.id)).toContain(orgId());
  });
});
