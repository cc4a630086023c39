import type { VendorNames } from './vendor-names.js';

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

const packageJson = (name: string, description: string, extra: Record<string, unknown>) =>
  json({
    name,
    version: '0.1.0',
    description,
    license: 'MIT',
    type: 'module',
    engines: { node: '>=20.19' },
    exports: {
      '.': { '@orgport/source': './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' },
      ...((extra.exports as object | undefined) ?? {}),
    },
    main: './dist/index.js',
    types: './dist/index.d.ts',
    files: ['dist', 'src', '!**/*.test.ts'],
    sideEffects: false,
    ...Object.fromEntries(Object.entries(extra).filter(([key]) => key !== 'exports')),
  });

const tsconfig = (references: readonly string[]) =>
  json({
    extends: '../../../tsconfig.base.json',
    compilerOptions: { rootDir: 'src', outDir: 'dist', tsBuildInfoFile: 'dist/.tsbuildinfo' },
    include: ['src'],
    exclude: ['src/**/*.test.ts'],
    references: references.map((path) => ({ path })),
  });

/**
 * The files of a new vendor folder (`vendors/<name>/`): an adapter package over a cursor-
 * paged REST API, its `VendorDefinition`, a fake vendor built from the simulator kit with
 * its conformance harness, and the conformance suite wired plain and under injected
 * faults. Paths are relative to the repository root. The adapter passes the suite as
 * generated; replace the fake vendor's API with your vendor's and keep it passing.
 */
export function vendorFolderFiles(
  n: VendorNames,
  versions: Readonly<Record<string, string>>,
): Map<string, string> {
  const adapter = `vendors/${n.kebab}/adapter`;
  const simulator = `vendors/${n.kebab}/simulator`;
  const files = new Map<string, string>();

  files.set(
    `${adapter}/package.json`,
    packageJson(`@orgport/adapter-${n.kebab}`, `orgport adapter for ${n.pascal}.`, {
      exports: {
        './vendor': {
          '@orgport/source': `./src/${n.kebab}-vendor.ts`,
          types: `./dist/${n.kebab}-vendor.d.ts`,
          default: `./dist/${n.kebab}-vendor.js`,
        },
      },
      dependencies: { '@orgport/core': 'workspace:*', zod: versions.zod },
      peerDependencies: { [`@orgport/simulator-${n.kebab}`]: 'workspace:*' },
      peerDependenciesMeta: { [`@orgport/simulator-${n.kebab}`]: { optional: true } },
      devDependencies: {
        [`@orgport/simulator-${n.kebab}`]: 'workspace:*',
        '@orgport/testkit': 'workspace:*',
        vitest: versions.vitest,
      },
    }),
  );
  files.set(`${adapter}/tsconfig.json`, tsconfig(['../../../packages/core', '../simulator']));
  files.set(
    `${adapter}/src/index.ts`,
    `/**
 * \`@orgport/adapter-${n.kebab}\`: the ${n.pascal} adapter.
 *
 * @packageDocumentation
 */
export * from './${n.kebab}-capabilities.js';
export * from './${n.kebab}-connector.js';
export * from './${n.kebab}-vendor.js';
export * from './create-${n.kebab}-adapter.js';
`,
  );
  files.set(
    `${adapter}/src/${n.kebab}-capabilities.ts`,
    `import { type Capabilities, defineCapabilities } from '@orgport/core/capabilities';

/**
 * What the ${n.pascal} adapter can do. \`organizations.get\` and \`admins.list\` have no
 * method: the facade emulates them from the lists (walking every page).
 */
export const ${n.constant}_CAPABILITIES: Capabilities = defineCapabilities({
  'organizations.list': true,
  'organizations.get': true,
  'members.list': true,
  'members.add': true,
  'members.remove': true,
  'admins.list': true,
  pagination: 'checkpoint',
  memberKinds: 'native',
  consistency: 'strong',
});
`,
  );
  files.set(
    `${adapter}/src/create-${n.kebab}-adapter.ts`,
    `import { type Adapter, type Member, type Organization, OrgPortError } from '@orgport/core';
import {
  createHttpClient,
  fetchCursorPage,
  type HttpTransportOptions,
  path,
  staticBearer,
} from '@orgport/core/driver';
import { z } from 'zod';
import { ${n.constant}_CAPABILITIES } from './${n.kebab}-capabilities.js';

/** Options of {@link create${n.pascal}Adapter}. */
export interface ${n.pascal}AdapterOptions {
  /** API origin, e.g. \`https://api.${n.kebab}.example\` (\`https:\` unless loopback). */
  readonly baseUrl: string;
  /** API key, sent as a bearer token. Never logged, never in errors. */
  readonly apiKey: string;
  /** Transport overrides (retry, timeouts, clock, events…). */
  readonly http?: HttpTransportOptions | undefined;
}

// Wire schemas, built once at module level.
const WireOrganization = z.object({ id: z.string(), name: z.string(), display_name: z.string().optional() });
const WireMember = z.object({
  user: z.object({ id: z.string(), email: z.string().optional(), name: z.string().optional() }),
  role: z.enum(['member', 'admin']),
});
const list = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), list_metadata: z.object({ after: z.string().nullable() }) });
const WireOrganizations = list(WireOrganization);
const WireMembers = list(WireMember);

/** The ${n.pascal} adapter: a cursor-paged REST API (\`?limit=&after=\`). */
export function create${n.pascal}Adapter(options: ${n.pascal}AdapterOptions): Adapter {
  if (!options.apiKey) throw new OrgPortError('invalid_argument', 'options.apiKey: must not be empty');
  const vendor = '${n.kebab}';
  const http = createHttpClient({ ...options.http, vendor, baseUrl: options.baseUrl, auth: staticBearer(options.apiKey) });
  return {
    name: vendor,
    capabilities: ${n.constant}_CAPABILITIES,
    organizations: {
      list: (listOptions) =>
        fetchCursorPage(
          {
            http,
            path: '/v1/organizations',
            schema: WireOrganizations,
            items: (body) =>
              body.data.map(
                (org): Organization => ({
                  id: org.id,
                  name: org.name,
                  ...(org.display_name === undefined ? {} : { displayName: org.display_name }),
                }),
              ),
            next: (body) => body.list_metadata.after,
          },
          listOptions,
        ),
    },
    members: {
      list: (organizationId, listOptions) =>
        fetchCursorPage(
          {
            http,
            path: path\`/v1/organizations/\${organizationId}/members\`,
            schema: WireMembers,
            items: (body) =>
              body.data.map(
                (wire): Member => ({
                  user: { id: wire.user.id, email: wire.user.email, name: wire.user.name },
                  organizationId,
                  kinds: wire.role === 'admin' ? ['member', 'admin'] : ['member'],
                  roles: [],
                  grants: [],
                }),
              ),
            next: (body) => body.list_metadata.after,
          },
          listOptions,
        ),
      async add(organizationId, userIds, { signal }) {
        for (const userId of userIds)
          await http.request({
            method: 'PUT',
            path: path\`/v1/organizations/\${organizationId}/members/\${userId}\`,
            signal,
          });
      },
      async remove(organizationId, userIds, { signal }) {
        for (const userId of userIds)
          await http.request({
            method: 'DELETE',
            path: path\`/v1/organizations/\${organizationId}/members/\${userId}\`,
            signal,
          });
      },
    },
    close: () => http.close(),
  };
}
`,
  );
  files.set(
    `${adapter}/src/${n.kebab}-connector.ts`,
    `import type { VendorConnector } from '@orgport/core/driver';
import { z } from 'zod';
import { create${n.pascal}Adapter } from './create-${n.kebab}-adapter.js';

/** ${n.pascal} connection settings as a config file or the environment gives them. */
export const ${n.pascal}ConnectionSchema = z
  .object({ baseUrl: z.string().min(1), apiKey: z.string().min(1) })
  .strict();

/** ${n.pascal} connection settings. */
export type ${n.pascal}Connection = z.infer<typeof ${n.pascal}ConnectionSchema>;

/** The ${n.pascal} adapter's code as the vendor registry loads it. */
export const ${n.camel}Connector: VendorConnector<${n.pascal}Connection> = {
  connectionSchema: ${n.pascal}ConnectionSchema,
  create: (settings, http) => create${n.pascal}Adapter({ ...settings, http }),
};
`,
  );
  files.set(
    `${adapter}/src/${n.kebab}-vendor.ts`,
    `import type { VendorDefinition } from '@orgport/core/driver';
import { ${n.constant}_CAPABILITIES } from './${n.kebab}-capabilities.js';
import type { ${n.pascal}Connection } from './${n.kebab}-connector.js';

/** The ${n.pascal} vendor, for the CLI's registry (one line there). Cheap to import. */
export const ${n.camel}Vendor: VendorDefinition<${n.pascal}Connection> = {
  name: '${n.kebab}',
  title: '${n.pascal}',
  capabilities: ${n.constant}_CAPABILITIES,
  environment: { baseUrl: 'ORGPORT_${n.constant}_BASE_URL', apiKey: 'ORGPORT_${n.constant}_API_KEY' },
  load: async () => (await import('./${n.kebab}-connector.js')).${n.camel}Connector,
  loadSimulator: async () => {
    const { loadOptionalSimulator } = await import('@orgport/core/driver');
    return loadOptionalSimulator(
      async () => (await import('@orgport/simulator-${n.kebab}')).${n.camel}VendorSimulator,
      '@orgport/simulator-${n.kebab}',
    );
  },
};
`,
  );
  files.set(
    `${adapter}/test/conformance.test.ts`,
    `import { type Clock, createVirtualClock } from '@orgport/core/driver';
import { type ${n.pascal}Simulator, ${n.camel}Harness, start${n.pascal}Simulator } from '@orgport/simulator-${n.kebab}';
import { runConformanceSuite } from '@orgport/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { create${n.pascal}Adapter } from '../src/index.js';

const makeAdapter = (sim: ${n.pascal}Simulator, clock: Clock) =>
  create${n.pascal}Adapter({
    baseUrl: sim.url,
    apiKey: sim.apiKey,
    http: { retry: { baseDelayMs: 5, maxDelayMs: 50 }, clock },
  });

/** The whole suite on the fake vendor; simulator and adapter share a virtual clock. */
function suiteOn(label: string, faults: Parameters<typeof start${n.pascal}Simulator>[0]['faults'], after?: (sim: ${n.pascal}Simulator) => void) {
  describe(label, () => {
    let simulator: ${n.pascal}Simulator;
    const clock = createVirtualClock();
    beforeAll(async () => {
      simulator = await start${n.pascal}Simulator({ faults, clock });
    });
    afterAll(async () => {
      after?.(simulator);
      await simulator.close();
    });
    runConformanceSuite({
      name: '${n.kebab}',
      makeHarness: (context) => ${n.camel}Harness(context, { simulator, makeAdapter: (sim) => makeAdapter(sim, clock) }),
    });
  });
}

suiteOn('${n.kebab} adapter on its fake vendor', undefined);

let faultsInjected = 0;
suiteOn('${n.kebab} adapter under injected 429 and 5xx faults', { seed: 3, rateLimit: 0.05, serverError: 0.05 }, (sim) => {
  faultsInjected = sim.faults.total;
});

describe('fault run', () => {
  it('really injected faults', () => {
    expect(faultsInjected).toBeGreaterThan(3);
  });
});
`,
  );

  files.set(
    `${simulator}/package.json`,
    packageJson(
      `@orgport/simulator-${n.kebab}`,
      `A fake ${n.pascal} on 127.0.0.1, with its conformance harness.`,
      {
        dependencies: { '@orgport/core': 'workspace:*', '@orgport/simulator-kit': 'workspace:*' },
        peerDependencies: { '@orgport/testkit': 'workspace:*' },
        peerDependenciesMeta: { '@orgport/testkit': { optional: true } },
        devDependencies: { '@orgport/testkit': 'workspace:*', vitest: versions.vitest },
      },
    ),
  );
  files.set(
    `${simulator}/tsconfig.json`,
    tsconfig(['../../../packages/core', '../../../packages/simulator-kit', '../../../packages/testkit']),
  );
  files.set(
    `${simulator}/src/index.ts`,
    `export * from './${n.kebab}-harness.js';
export * from './${n.kebab}-vendor-simulator.js';
export * from './start-${n.kebab}-simulator.js';
`,
  );
  files.set(
    `${simulator}/src/start-${n.kebab}-simulator.ts`,
    `import { randomBytes } from 'node:crypto';
import { type Clock, systemClock } from '@orgport/core';
import {
  type FaultOptions,
  Faults,
  RequestStats,
  type SimRequest,
  type SimResponse,
  startSimServer,
  TokenBuckets,
} from '@orgport/simulator-kit';

/** A member as the fake vendor stores it. */
export interface ${n.pascal}StoredMember {
  readonly userId: string;
  role: 'member' | 'admin';
}

/** The fake vendor's state, open for seeding and back-door checks. */
export class ${n.pascal}Store {
  private counter = 0;
  readonly organizations = new Map<
    string,
    { readonly id: string; readonly name: string; readonly display_name?: string | undefined }
  >();
  readonly users = new Map<string, { readonly id: string; readonly email: string; readonly name?: string | undefined }>();
  /** Organization id → members in joining order. */
  readonly members = new Map<string, Map<string, ${n.pascal}StoredMember>>();

  /** A new id with a prefix. */
  id(prefix: string): string {
    return \`\${prefix}_\${(++this.counter).toString(36).padStart(6, '0')}\`;
  }
}

/** Options of {@link start${n.pascal}Simulator}. */
export interface ${n.pascal}SimulatorOptions {
  /** Random fault rates. */
  readonly faults?: FaultOptions | undefined;
  /** Port on 127.0.0.1; default any free port. */
  readonly port?: number | undefined;
  /** Time source (share a virtual clock with the client in tests). */
  readonly clock?: Clock | undefined;
}

/** A running fake ${n.pascal}. */
export interface ${n.pascal}Simulator {
  readonly url: string;
  /** The API key it accepts. */
  readonly apiKey: string;
  readonly store: ${n.pascal}Store;
  readonly stats: RequestStats;
  readonly faults: Faults;
  close(): Promise<void>;
}

const PAGE_LIMIT = 100;
const error = (status: number, message: string): SimResponse => ({ status, body: { error: { message } } });

/** One page of a cursor list: \`?limit=&after=<id>\`. */
function page<T extends { readonly id: string }>(items: readonly T[], request: SimRequest): SimResponse {
  const limit = Math.min(Number(request.query.get('limit') ?? PAGE_LIMIT) || PAGE_LIMIT, PAGE_LIMIT);
  const after = request.query.get('after');
  const start = after ? items.findIndex((item) => item.id === after) + 1 : 0;
  const data = items.slice(start, start + limit);
  const last = data.at(-1);
  return {
    status: 200,
    body: { data, list_metadata: { after: start + limit < items.length && last ? last.id : null } },
  };
}

/**
 * A fake ${n.pascal} API on 127.0.0.1, made of the simulator kit: bearer API key, cursor
 * lists, member writes, seeded fault injection and request statistics. Replace its routes
 * with your vendor's real API shape, and keep the conformance suite green.
 */
export async function start${n.pascal}Simulator(options: ${n.pascal}SimulatorOptions = {}): Promise<${n.pascal}Simulator> {
  const clock = options.clock ?? systemClock;
  // A generous per-key budget; tighten it to your vendor's documented limits.
  const buckets = new TokenBuckets({ capacity: 1000, refillPerSecond: 1000 }, () => clock.now());
  const store = new ${n.pascal}Store();
  const stats = new RequestStats();
  const faults = new Faults();
  if (options.faults) faults.configure(options.faults);
  const apiKey = randomBytes(18).toString('base64url');
  const membersOf = (organizationId: string) => store.members.get(organizationId);
  const server = await startSimServer({
    faults,
    stats,
    port: options.port,
    dropField: (body) => body,
    notFound: () => error(404, 'Not found'),
    invalidBody: () => error(400, 'Invalid JSON'),
    faultResponse: (kind, status) => error(kind === 'rate_limit' ? 429 : status, kind),
    before: (request) => {
      if (request.headers.authorization !== \`Bearer \${apiKey}\`) return error(401, 'Invalid API key');
      const verdict = buckets.take(apiKey);
      if (verdict.allowed) return undefined;
      const wait = Math.max(1, Math.ceil((verdict.resetAtMs - clock.now()) / 1000));
      return { ...error(429, 'Too many requests'), headers: { 'retry-after': String(wait) } };
    },
    routes: [
      { method: 'GET', path: '/v1/organizations', handler: (request) => page([...store.organizations.values()], request) },
      {
        method: 'GET',
        path: '/v1/organizations/:organizationId/members',
        handler(request) {
          const members = membersOf(request.params.organizationId ?? '');
          if (!members) return error(404, 'No such organization');
          const rows = [...members.values()].map((member) => ({
            id: member.userId,
            user: store.users.get(member.userId) ?? { id: member.userId },
            role: member.role,
          }));
          return page(rows, request);
        },
      },
      {
        method: 'PUT',
        path: '/v1/organizations/:organizationId/members/:userId',
        handler(request) {
          const members = membersOf(request.params.organizationId ?? '');
          const userId = request.params.userId ?? '';
          if (!members) return error(404, 'No such organization');
          if (!store.users.has(userId)) return error(404, 'No such user');
          if (!members.has(userId)) members.set(userId, { userId, role: 'member' });
          return { status: 204 };
        },
      },
      {
        method: 'DELETE',
        path: '/v1/organizations/:organizationId/members/:userId',
        handler(request) {
          const members = membersOf(request.params.organizationId ?? '');
          if (!members) return error(404, 'No such organization');
          members.delete(request.params.userId ?? '');
          return { status: 204 };
        },
      },
    ],
  });
  return { url: server.url, apiKey, store, stats, faults, close: server.close };
}
`,
  );
  files.set(
    `${simulator}/src/${n.kebab}-harness.ts`,
    `import type { Adapter } from '@orgport/core';
import type { ConformanceHarness, HarnessContext } from '@orgport/testkit';
import type { ${n.pascal}Simulator } from './start-${n.kebab}-simulator.js';

/** Options of {@link ${n.camel}Harness}. */
export interface ${n.pascal}HarnessOptions {
  readonly simulator: ${n.pascal}Simulator;
  readonly makeAdapter: (simulator: ${n.pascal}Simulator) => Adapter;
}

/** A conformance harness over the fake ${n.pascal}: seeds and inspects through its store. */
export function ${n.camel}Harness(context: HarnessContext, options: ${n.pascal}HarnessOptions): ConformanceHarness {
  const { simulator } = options;
  const { store } = simulator;
  const made = { organizations: new Set<string>(), users: new Set<string>() };
  const adapter = options.makeAdapter(simulator);
  void context;
  return {
    adapter,
    requestCount: () => simulator.stats.requests,
    seed: {
      async organization({ name, displayName }) {
        const id = store.id('org');
        store.organizations.set(id, { id, name, ...(displayName ? { display_name: displayName } : {}) });
        store.members.set(id, new Map());
        made.organizations.add(id);
        return { id, name, ...(displayName ? { displayName } : {}) };
      },
      async user({ email, name }) {
        const user = { id: store.id('user'), email, ...(name ? { name } : {}) };
        store.users.set(user.id, user);
        made.users.add(user.id);
        return user;
      },
      async member(organizationId, userId, spec = {}) {
        const role = spec.kinds?.includes('admin') ? 'admin' : 'member';
        store.members.get(organizationId)?.set(userId, { userId, role });
      },
      async members(organizationId, count, { emailPrefix }) {
        const users = [];
        for (let n = 0; n < count; n++) {
          const user = { id: store.id('user'), email: \`\${emailPrefix}-\${n}@example.com\` };
          store.users.set(user.id, user);
          made.users.add(user.id);
          store.members.get(organizationId)?.set(user.id, { userId: user.id, role: 'member' });
          users.push(user);
        }
        return users;
      },
    },
    inspect: {
      async organization(id) {
        const organization = store.organizations.get(id);
        return organization && { id, name: organization.name, displayName: organization.display_name };
      },
      async membership(organizationId, userId) {
        const member = store.members.get(organizationId)?.get(userId);
        return member
          ? { kinds: member.role === 'admin' ? ['member', 'admin'] : ['member'], groupIds: [] }
          : undefined;
      },
    },
    async close() {
      for (const id of made.organizations) {
        store.organizations.delete(id);
        store.members.delete(id);
      }
      for (const id of made.users) store.users.delete(id);
      await adapter.close?.();
    },
  };
}
`,
  );
  files.set(
    `${simulator}/src/${n.kebab}-vendor-simulator.ts`,
    `import type { VendorSimulator } from '@orgport/core/driver';
import { start${n.pascal}Simulator } from './start-${n.kebab}-simulator.js';

/** The fake ${n.pascal} as the vendor registry starts it (\`orgport sim ${n.kebab}\`). */
export const ${n.camel}VendorSimulator: VendorSimulator = {
  async start({ fixtures, port }) {
    const sim = await start${n.pascal}Simulator({ port });
    for (let o = 0; o < fixtures.organizations; o++) {
      const id = sim.store.id('org');
      sim.store.organizations.set(id, { id, name: \`organization-\${o}\` });
      const members = new Map();
      for (let m = 0; m < fixtures.membersPerOrg; m++) {
        const userId = sim.store.id('user');
        sim.store.users.set(userId, { id: userId, email: \`user-\${o}-\${m}@example.com\` });
        members.set(userId, { userId, role: m === 0 ? 'admin' : 'member' });
      }
      sim.store.members.set(id, members);
    }
    return { url: sim.url, connection: { baseUrl: sim.url, apiKey: sim.apiKey }, close: sim.close };
  },
};
`,
  );
  return files;
}
