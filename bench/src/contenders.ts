import { createAuth0Adapter } from '@orgport/adapter-auth0';
import { createCloudOrgAdapter } from '@orgport/adapter-cloud-org';
import { createDirectory } from '@orgport/core';
import { IdFingerprintSet } from '@orgport/core/internal';
import { ManagementClient } from 'auth0';
import { Pool } from 'undici';
import type { ContenderJob } from './contender-protocol.js';

/** A contender walks every member of one organization, calling `seen` for each id. */
export type Contender = (job: ContenderJob, seen: (id: string) => void) => Promise<void>;

const MEMBER_FIELDS = 'user_id,email,name,picture,roles';

async function auth0Token(pool: Pool, job: ContenderJob): Promise<string> {
  const response = await pool.request({
    method: 'POST',
    path: '/oauth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: job.clientId ?? '',
      client_secret: job.clientSecret ?? '',
      audience: `${job.url}/api/v2/`,
    }).toString(),
  });
  return ((await response.body.json()) as { access_token: string }).access_token;
}

/** Every contender, by name. */
export const CONTENDERS: Record<string, Contender> = {
  /** orgport: the facade over the Auth0 adapter (roles inline, checkpoint pages of 100). */
  async 'orgport-auth0'(job, seen) {
    const directory = createDirectory(
      createAuth0Adapter({ baseUrl: job.url, clientId: job.clientId, clientSecret: job.clientSecret }),
    );
    for await (const member of directory.members.list(job.organizationId, { pageSize: 100 }))
      seen(member.user.id);
    await directory.close();
  },

  /** orgport: every member of every organization, `concurrency` organizations at a time, paced by the shared budget. */
  async 'orgport-auth0-scan'(job, seen) {
    const directory = createDirectory(
      createAuth0Adapter({ baseUrl: job.url, clientId: job.clientId, clientSecret: job.clientSecret }),
    );
    const organizations = await directory.organizations.list({ pageSize: 100 }).toArray();
    let next = 0;
    const worker = async () => {
      while (next < organizations.length) {
        const organization = organizations[next++];
        if (!organization) return;
        for await (const member of directory.members.list(organization.id, { pageSize: 100 }))
          seen(`${organization.id}/${member.user.id}`);
      }
    };
    await Promise.all(Array.from({ length: job.concurrency ?? 8 }, worker));
    await directory.close();
  },

  /** A hand-written checkpoint loop on an undici Pool, asking for the same fields. */
  async 'raw-undici-auth0'(job, seen) {
    const pool = new Pool(job.url, { connections: 4 });
    const token = await auth0Token(pool, job);
    let from: string | undefined;
    for (;;) {
      const query = new URLSearchParams({
        take: '100',
        fields: MEMBER_FIELDS,
        include_fields: 'true',
        ...(from ? { from } : {}),
      });
      const response = await pool.request({
        method: 'GET',
        path: `/api/v2/organizations/${encodeURIComponent(job.organizationId)}/members?${query}`,
        headers: { authorization: `Bearer ${token}` },
      });
      const page = (await response.body.json()) as { members: { user_id: string }[]; next?: string };
      for (const member of page.members) seen(member.user_id);
      if (page.members.length === 0 || !page.next) break;
      from = page.next;
    }
    await pool.close();
  },

  /** The official auth0 v7 SDK's own iterator, same page size and fields. */
  async 'auth0-sdk'(job, seen) {
    const domain = 'tenant.bench.test';
    const pool = new Pool(job.url, { connections: 4 });
    const token = await auth0Token(pool, job);
    await pool.close();
    const client = new ManagementClient({
      domain,
      token,
      telemetry: false,
      fetch: (input, init) =>
        fetch(
          String(input instanceof Request ? input.url : input).replace(`https://${domain}`, job.url),
          init,
        ),
    });
    const pages = await client.organizations.members.list(job.organizationId, {
      take: 100,
      fields: MEMBER_FIELDS,
      include_fields: true,
    });
    for await (const member of pages) seen(member.user_id ?? '');
  },

  /** orgport: the facade over the cloud-org adapter (one v2 members call, mapped to neutral members). */
  async 'orgport-cloud-org'(job, seen) {
    const directory = createDirectory(
      createCloudOrgAdapter({ baseUrl: job.url, username: job.username ?? '', password: job.password ?? '' }),
    );
    for await (const member of directory.members.list(job.organizationId)) seen(member.user.id);
    await directory.close();
  },

  /** undici + JSON.parse of the same v2 members call, merging the three arrays by user id. */
  async 'raw-undici-cloud-org'(job, seen) {
    const pool = new Pool(job.url, { connections: 4 });
    const response = await pool.request({
      method: 'GET',
      path: `/v2/organizations/${encodeURIComponent(job.organizationId)}/members`,
      headers: {
        authorization: `Basic ${Buffer.from(`${job.username}:${job.password}`).toString('base64')}`,
      },
    });
    const body = JSON.parse(await response.body.text()) as Record<
      'admins' | 'billingManagers' | 'members',
      { userId: string }[]
    >;
    const ids = new Set<string>();
    for (const list of [body.admins, body.billingManagers, body.members])
      for (const person of list ?? []) ids.add(person.userId);
    for (const id of ids) seen(id);
    await pool.close();
  },
};

/** De-duplicated counting with flat memory (the contenders' own dedupe is what is measured). */
export function counter() {
  const ids = new IdFingerprintSet();
  let items = 0;
  return {
    seen: (id: string) => {
      items++;
      ids.add(id);
    },
    get items() {
      return items;
    },
    get distinct() {
      return ids.size;
    },
  };
}
