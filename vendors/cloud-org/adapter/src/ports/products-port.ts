import type { ProductPort } from '@orgport/core/driver';
import { assertOrganization, type CloudOrgContext, fetchProducts } from '../cloud-org-context.js';
import { toProduct } from '../wire/cloud-org-mapping.js';

/** Products of an organization: the account-wide product list filtered by organization (as the vendor's CLI does). */
export function cloudOrgProductsPort(context: CloudOrgContext): ProductPort {
  return {
    async list(organizationId, { signal }) {
      const items = (await fetchProducts(context, signal))
        .filter((product) => product.organization.organizationId === organizationId)
        .map(toProduct);
      if (items.length === 0) await assertOrganization(context, organizationId, signal);
      return { items };
    },
  };
}
