import { createBetterAuthAdapter } from '@orgport/adapter-better-auth';
import { createDirectory, type Directory } from '@orgport/core';
import { betterAuth } from 'better-auth';
import { memoryAdapter } from 'better-auth/adapters/memory';
import { createAccessControl } from 'better-auth/plugins/access';
import { organization } from 'better-auth/plugins/organization';
import { adminAc, defaultStatements, memberAc, ownerAc } from 'better-auth/plugins/organization/access';
import type { Pool } from 'pg';

const WRITES = new Set(['create', 'update', 'updateMany', 'delete', 'deleteMany', 'incrementOne']);
const ac = createAccessControl(defaultStatements);

/** Writes the memory database refuses: none, every Nth, or a seeded share of them. */
export interface WriteFaults {
  /** A seeded share of writes (0–1) that throw. */
  rate: number;
  seed: number;
  /** How many writes were refused. */
  refused: number;
}

/** A Better Auth app (the real package) as a migration target, with an orgport directory over it. */
export interface BetterAuthWorld {
  readonly auth: ReturnType<typeof makeAuth>;
  readonly directory: Directory;
  /** The operator recorded as inviter. */
  readonly operatorId: string;
  /** Makes a user (no credentials), as sign-up would. */
  user(email: string): Promise<string>;
  /** Adds a member row with these roles, as the app would. */
  member(organizationId: string, userId: string, roles: readonly string[]): Promise<void>;
  /** Creates an organization row (slug = name). */
  organization(slug: string): Promise<string>;
  /** Organizations, members (email and sorted roles) and pending invitations, as one string. */
  state(): Promise<string>;
  /** Writes of the memory database to refuse (memory worlds only). */
  readonly faults: WriteFaults;
}

function makeAuth(database: unknown, options: Record<string, unknown>) {
  // Ids by model and number: two worlds built the same way hold the same ids, so their
  // plans (which name organization and user ids) are the same plan.
  let created = 0;
  return betterAuth({
    database: database as never,
    advanced: { database: { generateId: ({ model }: { model: string }) => `${model}-${++created}` } },
    secret: 'orgport-test-secret-0123456789-abcdefghij',
    baseURL: 'http://127.0.0.1:3000',
    telemetry: { enabled: false },
    logger: { disabled: true },
    plugins: [
      organization({
        ac,
        roles: {
          owner: ownerAc,
          admin: adminAc,
          member: memberAc,
          billing_manager: ac.newRole({}),
          developer: ac.newRole({}),
          viewer: ac.newRole({}),
          support: ac.newRole({}),
        } as never,
        ...options,
      }),
    ],
  });
}

/** A seeded generator of numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function world(auth: ReturnType<typeof makeAuth>, faults: WriteFaults): Promise<BetterAuthWorld> {
  const context = await auth.$context;
  const user = async (email: string) =>
    (
      await context.internalAdapter.createUser(
        { email, name: email, emailVerified: true },
        { method: 'admin' },
      )
    ).id;
  const operatorId = await user('operator@orgport.test');
  const directory = createDirectory(createBetterAuthAdapter({ auth, inviterId: operatorId }));
  return {
    auth,
    directory,
    operatorId,
    user,
    async member(organizationId, userId, roles) {
      await context.adapter.create({
        model: 'member',
        data: { organizationId, userId, role: roles.join(','), createdAt: new Date() },
      });
    },
    async organization(slug) {
      return (
        await context.adapter.create<{ id: string }>({
          model: 'organization',
          data: { name: slug, slug, createdAt: new Date() },
        })
      ).id;
    },
    async state() {
      const organizations = await context.adapter.findMany<{ id: string; slug: string }>({
        model: 'organization',
        limit: 100_000,
      });
      const users = new Map(
        (
          await context.adapter.findMany<{ id: string; email: string }>({ model: 'user', limit: 100_000 })
        ).map((row) => [row.id, row.email]),
      );
      const rows = await Promise.all(
        organizations.map(async (org) => {
          const members = await context.adapter.findMany<{ userId: string; role: string }>({
            model: 'member',
            where: [{ field: 'organizationId', value: org.id }],
            limit: 100_000,
          });
          const invitations = await context.adapter.findMany<{ email: string; role: string; status: string }>(
            {
              model: 'invitation',
              where: [{ field: 'organizationId', value: org.id }],
              limit: 100_000,
            },
          );
          return [
            org.slug,
            members.map((m) => [users.get(m.userId), m.role.split(',').sort().join(',')]).sort(),
            invitations
              .filter((i) => i.status === 'pending')
              .map((i) => `${i.email}:${i.role.split(',').sort().join(',')}`)
              .sort(),
          ];
        }),
      );
      return JSON.stringify(rows.sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    },
    faults,
  };
}

/** A target on Better Auth's memory adapter whose writes can be made to fail. */
export async function memoryWorld(options: Record<string, unknown> = {}): Promise<BetterAuthWorld> {
  const tables: Record<string, unknown[]> = {
    user: [],
    session: [],
    account: [],
    verification: [],
    organization: [],
    member: [],
    invitation: [],
  };
  const faults: WriteFaults = { rate: 0, seed: 1, refused: 0 };
  let next = random(1);
  let seed = 1;
  const inner = memoryAdapter(tables) as unknown as (o: unknown) => Record<string, unknown>;
  const database = (betterAuthOptions: unknown) => {
    const adapter = inner(betterAuthOptions);
    return new Proxy(adapter, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function' || typeof property !== 'string' || !WRITES.has(property))
          return value;
        return (...args: unknown[]) => {
          if (faults.seed !== seed) {
            seed = faults.seed;
            next = random(seed);
          }
          if (faults.rate > 0 && next() < faults.rate) {
            faults.refused++;
            return Promise.reject(new Error('memory database: write refused (injected fault)'));
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  };
  return world(makeAuth(database, options), faults);
}

/** A target on PostgreSQL (Kysely through a pg pool), its tables migrated. */
export async function postgresWorld(
  pool: Pool,
  options: Record<string, unknown> = {},
): Promise<BetterAuthWorld> {
  const auth = makeAuth(pool, options);
  await (await auth.$context).runMigrations();
  return world(auth, { rate: 0, seed: 1, refused: 0 });
}
