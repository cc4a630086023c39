import type { SpecSchemaName } from './spec-schemas.js';

/** Sends one request to a Clerk-shaped server: status and parsed body. */
export type ClerkCall = (
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; body: unknown }>;

/** One answer of the scenario, with the spec schema it must meet. */
export interface SpecAnswer {
  /** `METHOD /path-pattern`. */
  readonly route: string;
  readonly status: number;
  /** The spec's schema for the answer; `User[]` for the bare user list. */
  readonly schema: SpecSchemaName | 'User[]';
  readonly body: unknown;
}

const idOf = (body: unknown): string => String((body as { id?: unknown }).id);

/**
 * Drives every route the adapter reads through a server, as raw HTTP, and returns each
 * answer beside the spec schema it must meet: users, an organization (list, read, rename,
 * metadata), a membership (add, list, change role, remove), the user's and the instance's
 * membership lists, roles, an invitation (create, list, read, revoke), the user list by
 * email, a missing organization (`ClerkErrors`) and the organization's deletion.
 */
export async function runSpecScenario(call: ClerkCall, prefix: string): Promise<SpecAnswer[]> {
  const answers: SpecAnswer[] = [];
  const step = async (
    route: string,
    schema: SpecAnswer['schema'],
    method: string,
    path: string,
    body?: unknown,
  ) => {
    const answer = await call(method, path, body);
    answers.push({ route, status: answer.status, schema, body: answer.body });
    return answer.body;
  };
  const email = `${prefix}ada@example.com`;
  const user = idOf(
    await step('POST /users', 'User', 'POST', '/users', { email_address: [email], first_name: 'Ada' }),
  );
  const org = idOf(
    await step('POST /organizations', 'Organization', 'POST', '/organizations', {
      name: 'Acme',
      slug: `${prefix}acme`,
    }),
  );
  await step('GET /organizations', 'Organizations', 'GET', '/organizations?limit=10&offset=0');
  await step('GET /organizations/{id}', 'Organization', 'GET', `/organizations/${org}`);
  await step('PATCH /organizations/{id}', 'Organization', 'PATCH', `/organizations/${org}`, {
    name: 'Acme Inc.',
  });
  await step(
    'PATCH /organizations/{id}/metadata',
    'Organization',
    'PATCH',
    `/organizations/${org}/metadata`,
    {
      private_metadata: { tier: 'gold' },
    },
  );
  await step(
    'POST /organizations/{id}/memberships',
    'OrganizationMembership',
    'POST',
    `/organizations/${org}/memberships`,
    {
      user_id: user,
      role: 'org:member',
    },
  );
  await step(
    'GET /organizations/{id}/memberships',
    'OrganizationMemberships',
    'GET',
    `/organizations/${org}/memberships?limit=10&offset=0`,
  );
  await step(
    'PATCH /organizations/{id}/memberships/{user}',
    'OrganizationMembership',
    'PATCH',
    `/organizations/${org}/memberships/${user}`,
    {
      role: 'org:admin',
    },
  );
  await step(
    'GET /users/{id}/organization_memberships',
    'OrganizationMemberships',
    'GET',
    `/users/${user}/organization_memberships`,
  );
  await step(
    'GET /organization_memberships',
    'OrganizationMemberships',
    'GET',
    '/organization_memberships?limit=10',
  );
  await step('GET /organization_roles', 'Roles', 'GET', '/organization_roles?limit=10');
  const invitation = idOf(
    await step(
      'POST /organizations/{id}/invitations',
      'OrganizationInvitation',
      'POST',
      `/organizations/${org}/invitations`,
      {
        email_address: `${prefix}grace@example.com`,
        role: 'org:member',
      },
    ),
  );
  await step(
    'GET /organizations/{id}/invitations',
    'OrganizationInvitations',
    'GET',
    `/organizations/${org}/invitations?status=pending`,
  );
  await step(
    'GET /organizations/{id}/invitations/{id}',
    'OrganizationInvitation',
    'GET',
    `/organizations/${org}/invitations/${invitation}`,
  );
  await step(
    'POST /organizations/{id}/invitations/{id}/revoke',
    'OrganizationInvitation',
    'POST',
    `/organizations/${org}/invitations/${invitation}/revoke`,
    {},
  );
  await step(
    'GET /users?email_address=',
    'User[]',
    'GET',
    `/users?email_address=${encodeURIComponent(email)}`,
  );
  await step('GET /users/{id}', 'User', 'GET', `/users/${user}`);
  await step(
    'GET /organizations/{missing}',
    'ClerkErrors',
    'GET',
    '/organizations/org_missing0000000000000000',
  );
  await step(
    'DELETE /organizations/{id}/memberships/{user}',
    'OrganizationMembership',
    'DELETE',
    `/organizations/${org}/memberships/${user}`,
  );
  await step('DELETE /organizations/{id}', 'DeletedObject', 'DELETE', `/organizations/${org}`);
  return answers;
}
