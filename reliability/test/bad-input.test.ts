import { createAuth0Adapter } from '@orgport/adapter-auth0';
import { createCloudOrgAdapter } from '@orgport/adapter-cloud-org';
import { createDirectory, type Directory, type ErrorCode, OrgPortError } from '@orgport/core';
import { loadRoleMapping, loadSnapshot } from '@orgport/migrate';
import { startAuth0Simulator } from '@orgport/simulator-auth0';
import { startCloudOrgSimulator } from '@orgport/simulator-cloud-org';
import type { RequestStats } from '@orgport/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Target {
  directory: Directory;
  stats: RequestStats;
  organizationId: string;
  close(): Promise<void>;
}
const targets: Record<string, Target> = {};

beforeAll(async () => {
  const auth0 = await startAuth0Simulator({
    seed: 41,
    fixtures: { seed: 41, organizations: 1, membersPerOrg: 3 },
  });
  targets.auth0 = {
    directory: createDirectory(
      createAuth0Adapter({ baseUrl: auth0.url, clientId: auth0.clientId, clientSecret: auth0.clientSecret }),
    ),
    stats: auth0.stats,
    organizationId: [...auth0.store.organizations.keys()][0] as string,
    close: auth0.close,
  };
  const cloud = await startCloudOrgSimulator({
    seed: 41,
    fixtures: { seed: 41, organizations: 1, membersPerOrg: 3 },
  });
  targets['cloud-org'] = {
    directory: createDirectory(
      createCloudOrgAdapter({ baseUrl: cloud.url, username: cloud.username, password: cloud.password }),
    ),
    stats: cloud.stats,
    organizationId: [...cloud.store.organizations.keys()][0] as string,
    close: cloud.close,
  };
});
afterAll(async () => {
  for (const target of Object.values(targets)) {
    await target.directory.close();
    await target.close();
  }
});

const BAD_IDS: readonly [string, unknown][] = [
  ['a slash', 'org/../../admin'],
  ['dot-dot', '..'],
  ['a dot', '.'],
  ['a question mark', 'org?admin=1'],
  ['a hash', 'org#frag'],
  ['a backslash', 'org\\x'],
  ['a newline', 'org\nx'],
  ['an empty string', ''],
  ['a huge string', 'x'.repeat(5000)],
  ['a number', 42],
  ['null', null],
  ['an object', { id: 'org' }],
];

for (const vendor of ['auth0', 'cloud-org']) {
  describe(`${vendor}: bad input never reaches the vendor`, () => {
    it.each(BAD_IDS)(
      'an organization id with %s → invalid_argument naming the field, no request',
      async (_label, id) => {
        const { directory, stats } = targets[vendor] as Target;
        const before = stats.requests;
        const calls: (() => Promise<unknown>)[] = [
          () => directory.members.list(id as string).toArray(),
          () => directory.admins.list(id as string).toArray(),
          () => directory.organizations.get(id as string),
          () => directory.members.remove(id as string, ['u1']),
        ];
        for (const call of calls) {
          const error = await call().catch((e: unknown) => e);
          expect(OrgPortError.is(error, 'invalid_argument')).toBe(true);
          expect((error as Error).message).toMatch(/organizationId/);
        }
        expect(stats.requests).toBe(before);
      },
    );

    it('refuses bad user-id lists, emails and grants before any request', async () => {
      const { directory, stats, organizationId } = targets[vendor] as Target;
      const before = stats.requests;
      // Thunks: each call starts only when awaited, so no rejection is left unobserved.
      const cases: [() => Promise<unknown>, RegExp, ErrorCode?][] = [
        [() => directory.members.remove(organizationId, []), /userIds: must not be empty/],
        [
          () =>
            directory.members.remove(
              organizationId,
              Array.from({ length: 10_001 }, (_, n) => `u${n}`),
            ),
          /at most 10,000/,
        ],
        [() => directory.members.remove(organizationId, ['ok', 'bad/id']), /userIds\[1\]/],
        [() => directory.members.remove(organizationId, 'u1' as never), /userIds/],
        [() => directory.invitations.create(organizationId, { email: 'not-an-email' }), /input\.email/],
        [
          () => directory.invitations.create(organizationId, { email: 'a@b.co', grants: 'all' as never }),
          /input\.grants/,
        ],
        [
          () =>
            directory.permissions.set(organizationId, 'u1', [
              { scope: { type: 'product' }, groupId: 'g' } as never,
            ]),
          /grants\[0\]\.scope/,
        ],
        [() => directory.permissions.grants(organizationId, '../u1'), /userId/],
        // A vendor that cannot look users up refuses the call as unsupported, whatever the
        // input: that must not pass as an email check.
        [
          () => directory.users.findByEmail('nope'),
          directory.capabilities['users.findByEmail'] ? /users\.findByEmail: email/ : /users\.findByEmail/,
          directory.capabilities['users.findByEmail'] ? 'invalid_argument' : 'unsupported',
        ],
        [() => directory.members.list(organizationId, { pageSize: -1 }).toArray(), /pageSize/],
      ];
      for (const [call, message, code = 'invalid_argument'] of cases) {
        const error = await call().catch((e: unknown) => e);
        expect(OrgPortError.is(error), String(error)).toBe(true);
        expect([(error as OrgPortError).code, (error as Error).message]).toEqual([
          code,
          expect.stringMatching(message),
        ]);
      }
      expect(stats.requests).toBe(before);
    });

    it('percent-encodes unicode and reserved characters allowed in ids, so they reach the right route', async () => {
      const { directory, stats } = targets[vendor] as Target;
      const error = await directory.members
        .list('örg|ünï+cødé')
        .toArray()
        .catch((e: unknown) => e);
      expect(OrgPortError.is(error)).toBe(true);
      const last = stats.log.at(-1);
      expect(last?.url).toContain(encodeURIComponent('örg|ünï+cødé'));
      expect(last?.route).toMatch(/members$/);
    });
  });
}

describe('malformed files', () => {
  it('snapshots and mappings fail with invalid_argument naming the place', () => {
    const cases: [() => unknown, RegExp][] = [
      [() => loadSnapshot('{"format":"orgport.snapshot","version":2}'), /version/],
      [() => loadSnapshot('[1,2,3]'), /snapshot:/],
      [
        () =>
          loadSnapshot(
            `${JSON.stringify({ type: 'header', format: 'orgport.snapshot', version: 1, createdAt: 'x', source: { vendor: 'v' } })}\n{"type":"member","organizationId":"o1","member":{"user":{"id":"u"},"organizationId":"o1","kinds":["member"],"roles":[],"grants":[]}}`,
          ),
        /outside its organization/,
      ],
      [
        () => loadRoleMapping({ rules: [{ from: { role: 'x' }, to: [{ product: 'Web' }] }] } as never),
        /rules\[0\]\.to\[0\]/,
      ],
      [() => loadRoleMapping({ kinds: { owner: 'admin' } } as never), /kinds/],
      [() => loadRoleMapping({ rules: 'all' } as never), /rules/],
    ];
    for (const [load, message] of cases) {
      let error: unknown;
      try {
        load();
      } catch (e) {
        error = e;
      }
      expect(OrgPortError.is(error, 'invalid_argument'), String(error)).toBe(true);
      expect((error as Error).message).toMatch(message);
    }
  });
});
