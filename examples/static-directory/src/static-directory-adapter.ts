import {
  type Adapter,
  defineCapabilities,
  type Member,
  type MemberKind,
  OrgPortError,
  throwIfAborted,
} from '@orgport/core';
import type { Page } from '@orgport/core/driver';
import type { DirectoryDocument } from './directory-document.js';

const KIND: Record<DirectoryDocument['memberships'][number]['roles'][number], MemberKind> = {
  admin: 'admin',
  billing: 'billing_manager',
  member: 'member',
};

/** What the static-directory adapter declares: seven reads, offset paging, native kinds. */
export const STATIC_DIRECTORY_CAPABILITIES = defineCapabilities({
  'organizations.list': true,
  'organizations.get': true,
  'organizations.getByName': true,
  'members.list': true,
  'members.organizationsOf': true,
  'admins.list': true,
  'billingManagers.list': true,
  pagination: 'offset',
  memberKinds: 'native',
});

/**
 * A read-only adapter over a {@link DirectoryDocument}. It declares only what it can do;
 * the facade refuses everything else with `unsupported`, and the conformance suite checks
 * both halves.
 */
export function createStaticDirectoryAdapter(document: DirectoryDocument, pageSize = 20): Adapter {
  const vendor = 'static-directory';
  const notFound = (what: string): never => {
    throw new OrgPortError('not_found', `No ${what}`, { vendor });
  };
  const findOrg = (id: string) =>
    document.organizations.find((org) => org.id === id) ?? notFound(`organization ${id}`);
  const toOrg = (org: DirectoryDocument['organizations'][number]) => ({
    id: org.id,
    name: org.name,
    ...(org.display_name ? { displayName: org.display_name } : {}),
  });

  /** Offset paging over an array: the cursor is the next index. */
  const page = <T>(items: readonly T[], cursor: string | undefined, size = pageSize): Page<T> => {
    const start = cursor === undefined ? 0 : Number(cursor);
    const next = start + size;
    return { items: items.slice(start, next), ...(next < items.length ? { next: String(next) } : {}) };
  };

  const membersOf = (organizationId: string, kind?: MemberKind): Member[] => {
    findOrg(organizationId);
    return document.memberships
      .filter((row) => row.org_id === organizationId)
      .map((row) => {
        const user = document.users.find((u) => u.id === row.user_id) ?? { id: row.user_id };
        return {
          user: { ...user },
          organizationId,
          kinds: row.roles.map((role) => KIND[role]),
          roles: [],
          grants: [],
        } satisfies Member;
      })
      .filter((member) => kind === undefined || member.kinds.includes(kind));
  };

  return {
    name: vendor,
    capabilities: STATIC_DIRECTORY_CAPABILITIES,
    organizations: {
      async list({ cursor, pageSize: size, signal }) {
        throwIfAborted(signal, vendor);
        return page(document.organizations.map(toOrg), cursor, size);
      },
      async get(id, { signal }) {
        throwIfAborted(signal, vendor);
        return toOrg(findOrg(id));
      },
      async getByName(name, { signal }) {
        throwIfAborted(signal, vendor);
        return toOrg(
          document.organizations.find((org) => org.name === name) ?? notFound(`organization named ${name}`),
        );
      },
    },
    members: {
      async list(organizationId, { cursor, pageSize: size, signal }) {
        throwIfAborted(signal, vendor);
        return page(membersOf(organizationId), cursor, size);
      },
      async organizationsOf(userId, { cursor, pageSize: size, signal }) {
        throwIfAborted(signal, vendor);
        if (!document.users.some((u) => u.id === userId)) notFound(`user ${userId}`);
        const ids = new Set(
          document.memberships.filter((row) => row.user_id === userId).map((row) => row.org_id),
        );
        return page(document.organizations.filter((org) => ids.has(org.id)).map(toOrg), cursor, size);
      },
    },
    admins: {
      async list(organizationId, { cursor, pageSize: size, signal }) {
        throwIfAborted(signal, vendor);
        return page(membersOf(organizationId, 'admin'), cursor, size);
      },
    },
    billingManagers: {
      async list(organizationId, { cursor, pageSize: size, signal }) {
        throwIfAborted(signal, vendor);
        return page(membersOf(organizationId, 'billing_manager'), cursor, size);
      },
    },
  };
}
