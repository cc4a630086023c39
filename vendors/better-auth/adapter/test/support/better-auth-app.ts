import { betterAuth } from 'better-auth';
import { memoryAdapter } from 'better-auth/adapters/memory';
import { createAccessControl } from 'better-auth/plugins/access';
import { organization } from 'better-auth/plugins/organization';
import { adminAc, defaultStatements, memberAc, ownerAc } from 'better-auth/plugins/organization/access';
import type { Pool } from 'pg';

/** Database adapter methods that write. */
const WRITES = new Set(['create', 'update', 'updateMany', 'delete', 'deleteMany', 'incrementOne']);

/** What a test app counts and can break: every database call, and the Nth write on purpose. */
export interface DatabaseProbe {
  /** Database calls so far (memory) or connections checked out (PostgreSQL). */
  calls: number;
  /** Writes so far (memory only). */
  writes: number;
  /** When set, the write with this number (1-based, counted from when it was set) throws. */
  failWrite: number | undefined;
}

/** A test application: a real Better Auth instance with the organization plugin. */
export interface TestApp {
  readonly auth: ReturnType<typeof makeAuth>;
  /** The roles object the app passed to organization(): adding a key defines a role, as code would. */
  readonly roles: Record<string, unknown>;
  readonly probe: DatabaseProbe;
}

const ac = createAccessControl(defaultStatements);

/** A role with no permissions of its own, as an app would define one in code. */
export const plainRole = () => ac.newRole({});

function makeAuth(database: unknown, roles: Record<string, unknown>, extra: Record<string, unknown>) {
  return betterAuth({
    database: database as never,
    secret: 'orgport-test-secret-0123456789-abcdefghij',
    baseURL: 'http://127.0.0.1:3000',
    telemetry: { enabled: false },
    logger: { disabled: true },
    plugins: [organization({ ac, roles: roles as never, ...extra })],
  });
}

/** The roles a test app starts with: Better Auth's three and a billing manager role. */
function startingRoles(): Record<string, unknown> {
  return { owner: ownerAc, admin: adminAc, member: memberAc, billing_manager: plainRole() };
}

/**
 * A Better Auth app on its memory adapter, wrapped to count database calls and, on demand,
 * to throw on the Nth write (a database that errors mid-run).
 */
export function memoryApp(
  options: Record<string, unknown> = {},
): TestApp & { readonly tables: Record<string, unknown[]> } {
  const tables: Record<string, unknown[]> = {
    user: [],
    session: [],
    account: [],
    verification: [],
    organization: [],
    member: [],
    invitation: [],
    organizationRole: [],
  };
  const probe: DatabaseProbe = { calls: 0, writes: 0, failWrite: undefined };
  const inner = memoryAdapter(tables);
  const database = (betterAuthOptions: unknown) => {
    const adapter = (inner as (o: unknown) => Record<string, unknown>)(betterAuthOptions);
    return new Proxy(adapter, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function' || typeof property !== 'string') return value;
        return (...args: unknown[]) => {
          probe.calls++;
          if (WRITES.has(property)) {
            probe.writes++;
            if (probe.failWrite !== undefined && --probe.failWrite === 0) {
              probe.failWrite = undefined;
              return Promise.reject(new Error('memory database: write refused (injected fault)'));
            }
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  };
  const roles = startingRoles();
  return { auth: makeAuth(database, roles, options), roles, probe, tables };
}

/** A Better Auth app on PostgreSQL through its Kysely support (a `pg` pool), its tables migrated. */
export async function postgresApp(pool: Pool, options: Record<string, unknown> = {}): Promise<TestApp> {
  const probe: DatabaseProbe = { calls: 0, writes: 0, failWrite: undefined };
  pool.on('acquire', () => {
    probe.calls++;
  });
  const roles = startingRoles();
  const auth = makeAuth(pool, roles, options);
  const context = await auth.$context;
  await context.runMigrations();
  return { auth, roles, probe };
}
