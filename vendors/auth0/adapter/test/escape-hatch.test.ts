import { createDirectory, OrgPortError } from '@orgport/core';
import { createVirtualClock, path } from '@orgport/core/driver';
import { startAuth0Simulator } from '@orgport/simulator-auth0';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { type Auth0Adapter, createAuth0Adapter } from '../src/index.js';

// A vendor-only call (Auth0's role list with descriptions, which no orgport operation
// returns) through `directory.unwrap().raw`: the adapter's own client, with its token,
// retries and redaction.
const clock = createVirtualClock();
let sim: Awaited<ReturnType<typeof startAuth0Simulator>>;
let directory: ReturnType<typeof createDirectory<Auth0Adapter>>;
beforeAll(async () => {
  sim = await startAuth0Simulator({ clock });
  directory = createDirectory(
    createAuth0Adapter({
      baseUrl: sim.url,
      clientId: sim.clientId,
      clientSecret: sim.clientSecret,
      http: { clock },
    }),
  );
});
afterAll(async () => {
  await directory.close();
  await sim.close();
});

const Roles = z.array(z.object({ id: z.string(), name: z.string(), description: z.string().optional() }));

describe('directory.unwrap()', () => {
  it('is the adapter itself, typed as given', () => {
    expectTypeOf(directory.unwrap()).toEqualTypeOf<Auth0Adapter>();
    expect(directory.unwrap().name).toBe('auth0');
  });

  it("reaches a vendor-only endpoint through the adapter's client, authenticated and validated", async () => {
    const role = sim.store.addRole('auditor', 'reads the audit log');
    const { data } = await directory.unwrap().raw.request({ method: 'GET', path: '/roles', schema: Roles });
    expect(data).toContainEqual({ id: role.id, name: 'auditor', description: 'reads the audit log' });
  });

  it('fails with an OrgPortError that names the call and never the token', async () => {
    const failure = await directory
      .unwrap()
      .raw.request({ method: 'GET', path: path`/roles/${'rol_missing'}`, schema: Roles })
      .catch((error: unknown) => error);
    expect(OrgPortError.is(failure, 'not_found')).toBe(true);
    expect((failure as Error).message).toContain('GET /api/v2/roles/rol_missing');
    for (const token of sim.issuedTokens) expect((failure as Error).message).not.toContain(token);
  });
});
