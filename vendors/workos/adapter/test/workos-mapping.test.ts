import { OrgPortError } from '@orgport/core';
import { startWorkOSSimulator } from '@orgport/simulator-workos';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkOSAdapter } from '../src/index.js';
import { classifyWorkOSError } from '../src/wire/workos-error-classifier.js';
import { toMember, toOrganization } from '../src/wire/workos-mapping.js';

const model = { adminSlugs: new Set(['admin', 'owner']), defaultRole: 'member' };
const slug = fc.constantFrom('admin', 'owner', 'member', 'editor', 'viewer', 'billing', 'auditor');

describe('membership mapping, against a model over generated role sets', () => {
  it('admin slugs give the admin kind, the default role is plain membership, every other slug is one grant', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(slug, { maxLength: 5 }),
        fc.boolean(),
        fc.constantFrom('active', 'inactive', 'pending'),
        (slugs, asList, status) => {
          const wire = {
            id: 'om_1',
            user_id: 'user_1',
            organization_id: 'org_1',
            status: status as 'active' | 'inactive' | 'pending',
            role: slugs[0] ? { slug: slugs[0] } : null,
            roles: asList ? slugs.map((s) => ({ slug: s })) : undefined,
          };
          const member = toMember(wire, undefined, model);
          const held = asList || slugs.length <= 1 ? slugs : slugs.slice(0, 1);
          expect(member.kinds).toEqual(
            held.some((s) => model.adminSlugs.has(s)) ? ['member', 'admin'] : ['member'],
          );
          const expected = held.filter((s) => !model.adminSlugs.has(s) && s !== 'member');
          expect(member.grants.map((g) => g.group.id)).toEqual(expected);
          expect(member.roles.map((r) => r.id)).toEqual(expected);
          expect(member.grants.every((g) => g.scope.type === 'organization')).toBe(true);
          expect(member.status).toBe(status === 'active' ? undefined : status);
          expect(member.user).toEqual({ id: 'user_1' });
        },
      ),
    );
  });

  it("names an organization by its external id, else by its WorkOS name, and shows WorkOS's name", () => {
    expect(toOrganization({ id: 'org_1', name: 'Acme Inc.', external_id: 'acme' })).toEqual({
      id: 'org_1',
      name: 'acme',
      displayName: 'Acme Inc.',
    });
    expect(toOrganization({ id: 'org_2', name: 'Made Elsewhere', external_id: null }).name).toBe(
      'Made Elsewhere',
    );
  });
});

describe('WorkOS errors', () => {
  const failure = (status: number, body: unknown) => ({
    status,
    body,
    headers: {},
    method: 'PUT' as const,
    path: '/user_management/organization_memberships/om_1',
  });
  it('maps the codes the spec documents where the status says too little', () => {
    expect(classifyWorkOSError(failure(422, { code: 'invalid_role', message: 'x' }))?.code).toBe('not_found');
    expect(
      classifyWorkOSError(failure(422, { code: 'multiple_roles_not_enabled', message: 'x' }))?.code,
    ).toBe('failed_precondition');
    expect(
      classifyWorkOSError(
        failure(400, { code: 'cannot_reactivate_pending_organization_membership', message: 'x' }),
      )?.code,
    ).toBe('failed_precondition');
    expect(classifyWorkOSError(failure(409, { message: 'x' }))).toBeUndefined();
    expect(classifyWorkOSError(failure(422, { code: 'other', message: 'x' }))).toEqual({
      errorCode: 'other',
    });
  });
});

describe('bad input and secrets', () => {
  it('refuses bad options with invalid_argument naming the option, before any request', () => {
    for (const options of [
      { apiKey: '' },
      { apiKey: 'sk_x', roleKinds: { admin: [] } },
      { apiKey: 'sk_x', defaultRole: 'has space' },
    ]) {
      const error = (() => {
        try {
          createWorkOSAdapter(options);
        } catch (caught) {
          return caught;
        }
      })();
      expect(OrgPortError.is(error, 'invalid_argument')).toBe(true);
    }
    expect(() => createWorkOSAdapter({ apiKey: 'sk_x', baseUrl: 'http://example.com' })).toThrow(/https/);
  });

  it('never shows the API key in an error', async () => {
    const sim = await startWorkOSSimulator({ apiKeys: ['sk_test_right'], rateLimits: false });
    try {
      const adapter = createWorkOSAdapter({ apiKey: 'sk_test_wrong_secret_value', baseUrl: sim.url });
      const error = await adapter.organizations?.list?.({}).catch((e: unknown) => e);
      expect(OrgPortError.is(error, 'unauthenticated')).toBe(true);
      expect(JSON.stringify({ message: (error as Error).message, ...(error as object) })).not.toContain(
        'sk_test_wrong_secret_value',
      );
      await adapter.close?.();
    } finally {
      await sim.close();
    }
  });

  it('refuses an organization name longer than the 128 characters external_id holds, before any request', async () => {
    const sim = await startWorkOSSimulator({ apiKeys: ['sk_test_k'], rateLimits: false });
    try {
      const adapter = createWorkOSAdapter({ apiKey: 'sk_test_k', baseUrl: sim.url });
      const error = await adapter.organizations
        ?.create?.({ name: 'x'.repeat(129) }, {})
        .catch((e: unknown) => e);
      expect(OrgPortError.is(error, 'invalid_argument')).toBe(true);
      expect(sim.stats.byStatus.size).toBe(0);
      await adapter.close?.();
    } finally {
      await sim.close();
    }
  });
});
