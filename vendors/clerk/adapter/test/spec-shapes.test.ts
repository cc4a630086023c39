import { createVirtualClock } from '@orgport/core/driver';
import { type ClerkSimulator, startClerkSimulator } from '@orgport/simulator-clerk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClerkEmulator, startClerkEmulator } from './support/clerk-emulator.js';
import { runSpecScenario, type SpecAnswer } from './support/spec-scenario.js';
import { clerkSpec, specViolations } from './support/spec-schemas.js';

/** Every answer's violations of its spec schema, by route (an empty list where it conforms). */
function violationsByRoute(answers: readonly SpecAnswer[]) {
  return answers.map((answer) => {
    if (answer.schema === 'User[]') {
      const list = answer.body;
      return {
        route: answer.route,
        status: answer.status,
        violations: Array.isArray(list)
          ? list.flatMap((user) => specViolations('User', user))
          : [{ path: '/', problem: 'type array' }],
      };
    }
    return {
      route: answer.route,
      status: answer.status,
      violations: specViolations(answer.schema, answer.body),
    };
  });
}

describe('the spec fixture', () => {
  it('is the Backend API version the adapter and the SDK speak, with its source', () => {
    expect(clerkSpec.source).toMatchObject({
      repository: 'clerk/openapi-specs',
      path: 'bapi/2026-05-12.yml',
      apiVersion: '2026-05-12',
    });
    expect(Object.keys(clerkSpec.components.schemas)).toEqual(
      expect.arrayContaining([
        'Organization',
        'OrganizationMembership',
        'OrganizationInvitation',
        'Role',
        'User',
      ]),
    );
  });

  it('rejects a membership without the role_name the spec requires', () => {
    const body = {
      object: 'organization_membership',
      id: 'orgmem_1',
      role: 'org:member',
      permissions: [],
      public_metadata: {},
      created_at: 1,
      updated_at: 1,
      organization: {
        object: 'organization',
        id: 'org_1',
        name: 'Acme',
        slug: 'acme',
        has_image: false,
        max_allowed_memberships: 0,
        admin_delete_enabled: true,
        public_metadata: {},
        created_at: 1,
        updated_at: 1,
      },
    };
    expect(specViolations('OrganizationMembership', body)).toEqual([]);
    expect(
      specViolations('OrganizationInvitation', { ...body, object: 'organization_invitation' }),
    ).not.toEqual([]);
  });
});

describe('answers of our Clerk simulator', () => {
  let simulator: ClerkSimulator;
  beforeAll(async () => {
    simulator = await startClerkSimulator({ clock: createVirtualClock() });
  });
  afterAll(() => simulator.close());

  it('meet the spec schema on every route the adapter reads', async () => {
    const answers = await runSpecScenario(async (method, path, body) => {
      const response = await fetch(`${simulator.url}/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${simulator.secretKey}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(response.headers.get('content-type')).toBe('application/json');
      return { status: response.status, body: await response.json() };
    }, 'sim-');
    const results = violationsByRoute(answers);
    expect(results.filter((result) => result.violations.length > 0)).toEqual([]);
    expect(results.map((result) => `${result.route} ${result.status}`)).toContain(
      'GET /organizations/{missing} 404',
    );
    expect(
      results.filter((result) => result.route !== 'GET /organizations/{missing}' && result.status !== 200),
    ).toEqual([]);
  });
});

describe('answers of the community emulator (emulate@0.12.2)', () => {
  let emulator: ClerkEmulator;
  beforeAll(async () => {
    emulator = await startClerkEmulator();
  });
  afterAll(() => emulator.close());

  it('fall short of the spec exactly where the adapter is tolerant', async () => {
    const answers = await runSpecScenario(
      (method, path, body) => emulator.call(emulator.secretKey, method, path, body),
      'emu-',
    );
    const shortfalls = violationsByRoute(answers)
      .filter((result) => result.violations.length > 0)
      .map((result) => ({
        route: result.route,
        status: result.status,
        problems: [
          ...new Set(result.violations.map((v) => `${v.path.replace(/\/\d+(?=\/|$)/g, '/*')} ${v.problem}`)),
        ].sort(),
      }));
    expect(shortfalls).toMatchSnapshot();
  });
});
