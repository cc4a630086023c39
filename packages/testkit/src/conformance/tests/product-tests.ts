import assert from 'node:assert/strict';
import type { ConformanceTest } from '../conformance-test.js';

/** Tests of `products.*`. */
export function productTests(): ConformanceTest[] {
  return [
    {
      group: 'products',
      name: "products.list lists exactly the organization's products",
      requires: ['products.list'],
      async run(t) {
        assert.ok(t.seed.product, 'the harness must implement seed.product when products.list is declared');
        const org = await t.seed.organization({ name: t.name('products') });
        const other = await t.seed.organization({ name: t.name('other') });
        const web = await t.seed.product(org.id, { name: t.name('web') });
        const api = await t.seed.product(org.id, { name: t.name('api') });
        await t.seed.product(other.id, { name: t.name('elsewhere') });
        await t.eventually(async () => {
          const listed = await t.directory.products.list(org.id).toArray();
          assert.deepEqual(listed.map((p) => p.id).sort(), [web.id, api.id].sort());
          assert.ok(listed.every((p) => p.organizationId === org.id));
        });
      },
    },
  ];
}
