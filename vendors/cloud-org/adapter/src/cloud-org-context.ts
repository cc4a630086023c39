import { type Member, OrgPortError } from '@orgport/core';
import { type HttpClient, path } from '@orgport/core/driver';
import { z } from 'zod';
import { toMembers } from './wire/cloud-org-mapping.js';
import { checkOrganizationMembers } from './wire/cloud-org-wire-checks.js';
import {
  WireOrganization,
  WireOrganizationMembers,
  WirePermissionGroup,
  WireProduct,
} from './wire/cloud-org-wire-schemas.js';
import type { SharedGrants } from './wire/shared-grants.js';

// List schemas built once: zod compiles a schema on first use.
const WireOrganizations = z.array(WireOrganization);
const WireProducts = z.array(WireProduct);
const WirePermissionGroups = z.array(WirePermissionGroup);

/** What every cloud-org port needs, with the few reads they share. */
export interface CloudOrgContext {
  readonly vendor: string;
  readonly http: HttpClient;
  /** Names of the permission groups seen so far (invitation lists carry only ids). */
  readonly groupNames: Map<number, string>;
  /** Grants and grant lists shared by every members document this adapter maps. */
  readonly grants: SharedGrants;
}

/** Every organization the credential can see (one unpaginated call). */
export async function fetchOrganizations(context: CloudOrgContext, signal?: AbortSignal) {
  const { data } = await context.http.request({
    method: 'GET',
    path: '/v1/organizations',
    rateLimitKey: 'GET /v1/organizations',
    schema: WireOrganizations,
    signal,
  });
  return data;
}

/** Fails with `not_found` unless the credential can see the organization. */
export async function assertOrganization(
  context: CloudOrgContext,
  organizationId: string,
  signal?: AbortSignal,
): Promise<void> {
  const organizations = await fetchOrganizations(context, signal);
  if (!organizations.some((org) => org.organizationId === organizationId)) {
    throw new OrgPortError('not_found', `No organization with id ${organizationId}`, {
      vendor: context.vendor,
    });
  }
}

/** The organization's members, merged from the v2 members response (one call). */
export async function fetchMembers(
  context: CloudOrgContext,
  organizationId: string,
  signal?: AbortSignal,
): Promise<Member[]> {
  const { data } = await context.http.request({
    method: 'GET',
    path: path`/v2/organizations/${organizationId}/members`,
    rateLimitKey: 'GET /v2/organizations/{}/members',
    schema: WireOrganizationMembers,
    // One large document: checked in place, zod only names the field when it is off.
    validate: checkOrganizationMembers,
    signal,
  });
  return toMembers(data, organizationId, context.grants);
}

/** One member, or `not_found`. */
export async function fetchMember(
  context: CloudOrgContext,
  organizationId: string,
  userId: string,
  signal?: AbortSignal,
): Promise<Member> {
  const member = (await fetchMembers(context, organizationId, signal)).find((m) => m.user.id === userId);
  if (!member)
    throw new OrgPortError('not_found', `User ${userId} is not a member of organization ${organizationId}`, {
      vendor: context.vendor,
    });
  return member;
}

/** Every product the credential can see, across organizations (there is no per-organization list). */
export async function fetchProducts(context: CloudOrgContext, signal?: AbortSignal) {
  const { data } = await context.http.request({
    method: 'GET',
    path: '/v1/products',
    rateLimitKey: 'GET /v1/products',
    schema: WireProducts,
    signal,
  });
  return data;
}

/** The permission groups of a product. */
export async function fetchGroups(context: CloudOrgContext, productId: string, signal?: AbortSignal) {
  const { data } = await context.http.request({
    method: 'GET',
    path: path`/v1/products/${productId}/permissions`,
    rateLimitKey: 'GET /v1/products/{}/permissions',
    schema: WirePermissionGroups,
    signal,
  });
  for (const group of data) context.groupNames.set(group.permissionGroupId, group.name);
  return data;
}

/** A group id as the API wants it (int64), or `invalid_argument`. */
export function groupIdNumber(context: CloudOrgContext, groupId: string, field = 'groupId'): number {
  if (!/^\d{1,18}$/.test(groupId)) {
    throw new OrgPortError(
      'invalid_argument',
      `${field}: permission group ids are integers on this vendor (got "${groupId}")`,
      { vendor: context.vendor },
    );
  }
  return Number(groupId);
}
