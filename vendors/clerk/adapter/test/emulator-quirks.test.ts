import { createDirectory, OrgPortError } from '@orgport/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClerkAdapter } from '../src/index.js';
import { type ClerkEmulator, EMULATOR_QUOTA, startClerkEmulator } from './support/clerk-emulator.js';

// What emulate@0.12.2's Clerk service does differently from the spec, each checked on the
// real emulator, beside what the adapter makes of it. A quirk that goes away fails its test.

let emulator: ClerkEmulator;
beforeAll(async () => {
  emulator = await startClerkEmulator(1);
});
afterAll(() => emulator.close());

const adapterFor = (secretKey: string) => createClerkAdapter({ secretKey, apiUrl: emulator.url });

describe('the community emulator as the adapter meets it', () => {
  it('answers application/json; charset=UTF-8, which the adapter reads', async () => {
    const org = await emulator.backdoor.createOrganization({ name: 'Charset', slug: 'charset' });
    const raw = await fetch(`${emulator.url}/v1/organizations/${org.id}`, {
      headers: { authorization: `Bearer ${emulator.secretKey}` },
    });
    expect(raw.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    await raw.body?.cancel();
    const directory = createDirectory(adapterFor(emulator.secretKey));
    expect(await directory.organizations.get(org.id)).toMatchObject({
      id: org.id,
      name: 'charset',
      displayName: 'Charset',
    });
  });

  it('has no user membership list and no roles (404), so those run on our simulator', async () => {
    const user = await emulator.backdoor.createUser({ email: 'gaps@example.com' });
    expect(
      (await emulator.call(emulator.secretKey, 'GET', `/users/${user.id}/organization_memberships`)).status,
    ).toBe(404);
    expect((await emulator.call(emulator.secretKey, 'GET', '/organization_roles')).status).toBe(404);
  });

  it('refuses a second membership with 422 DUPLICATE_RECORD and a non-member removal with 404; the adapter takes both as done', async () => {
    const org = await emulator.backdoor.createOrganization({ name: 'Twice', slug: 'twice' });
    const user = await emulator.backdoor.createUser({ email: 'twice@example.com' });
    const body = { user_id: user.id, role: 'org:member' };
    expect(
      (await emulator.call(emulator.secretKey, 'POST', `/organizations/${org.id}/memberships`, body)).status,
    ).toBe(200);
    const again = await emulator.call(
      emulator.secretKey,
      'POST',
      `/organizations/${org.id}/memberships`,
      body,
    );
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ errors: [{ code: 'DUPLICATE_RECORD' }] });
    const directory = createDirectory(adapterFor(emulator.secretKey));
    await directory.members.add(org.id, [user.id]);
    await directory.members.remove(org.id, [user.id]);
    expect(
      (await emulator.call(emulator.secretKey, 'DELETE', `/organizations/${org.id}/memberships/${user.id}`))
        .status,
    ).toBe(404);
    await directory.members.remove(org.id, [user.id]);
    expect(await directory.members.list(org.id).count()).toBe(0);
  });

  it('sends memberships and invitations without role_name and timestamps in seconds; the adapter names roles by key and reads the dates', async () => {
    const org = await emulator.backdoor.createOrganization({ name: 'Names', slug: 'names' });
    const answer = await emulator.call(emulator.secretKey, 'POST', `/organizations/${org.id}/invitations`, {
      email_address: 'names@example.com',
      role: 'org:reviewer',
    });
    expect(answer.body).not.toHaveProperty('role_name');
    const createdAt = (answer.body as { created_at: number }).created_at;
    expect(createdAt).toBeLessThan(1e11);
    const [invitation] = await createDirectory(adapterFor(emulator.secretKey))
      .invitations.list(org.id)
      .toArray();
    expect(invitation?.grants.map((g) => g.group)).toEqual([{ id: 'org:reviewer', name: 'org:reviewer' }]);
    expect(Date.parse(invitation?.createdAt ?? '')).toBe(createdAt * 1000);
  });

  it('wraps the user list in { data } where the spec has a bare array; the adapter reads both', async () => {
    await emulator.backdoor.createUser({ email: 'Wrapped@Example.com' });
    const raw = await emulator.call(emulator.secretKey, 'GET', '/users?email_address=Wrapped%40Example.com');
    expect(Array.isArray(raw.body)).toBe(false);
    const found = await createDirectory(adapterFor(emulator.secretKey)).users.findByEmail(
      'wrapped@example.com',
    );
    expect(found?.email?.toLowerCase()).toBe('wrapped@example.com');
  });

  it(`answers 403 once a key has spent its ${EMULATOR_QUOTA.toLocaleString('en-US')} requests an hour: the adapter says rate_limited with the wait, not permission_denied`, async () => {
    const key = emulator.spareKeys[0] as string;
    // Spend all but the last request of the key's quota, 50 at a time.
    let sent = 0;
    while (sent < EMULATOR_QUOTA - 1) {
      const batch = Math.min(50, EMULATOR_QUOTA - 1 - sent);
      await Promise.all(Array.from({ length: batch }, () => emulator.call(key, 'GET', '/users/count')));
      sent += batch;
    }
    let caught: unknown;
    try {
      await createDirectory(adapterFor(key)).organizations.list().toArray();
    } catch (error) {
      caught = error;
    }
    expect(OrgPortError.is(caught, 'rate_limited')).toBe(true);
    const error = caught as OrgPortError;
    expect(error.status).toBe(403);
    expect(error.retryAfterMs).toBeGreaterThan(3_000_000);
    expect(error.message).not.toContain(key);
  }, 60_000);
});
