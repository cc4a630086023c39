import assert from 'node:assert/strict';
import type { ConformanceTest } from '../conformance-test.js';

/** Tests of `users.*`. */
export function userTests(): ConformanceTest[] {
  return [
    {
      group: 'users',
      name: 'users.findByEmail finds a user by email, without regard to case',
      requires: ['users.findByEmail'],
      async run(t) {
        const user = await t.seed.user({ email: t.email('findme') });
        await t.eventually(async () => {
          const found = await t.directory.users.findByEmail(t.email('findme').toUpperCase());
          assert.equal(found?.id, user.id);
        });
      },
    },
    {
      group: 'users',
      name: 'users.findByEmail returns undefined for an unknown email',
      requires: ['users.findByEmail'],
      async run(t) {
        assert.equal(await t.directory.users.findByEmail(t.email('nobody-has-this')), undefined);
      },
    },
  ];
}
